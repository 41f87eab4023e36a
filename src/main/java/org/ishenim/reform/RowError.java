package org.ishenim.reform;

/**
 * What is wrong with one cell of an imported file: the line (1 is the header), the column and a reason code
 * ({@code reform.import.reason.<reason>} in the bundle). The cell's value is never repeated, since it could be a
 * case reference.
 */
public record RowError(int line, String column, String reason) {
}
