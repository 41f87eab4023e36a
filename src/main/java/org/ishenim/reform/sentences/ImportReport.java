package org.ishenim.reform.sentences;

import org.ishenim.reform.RowError;
import java.util.List;

/**
 * The result of an import. {@code imported} is false when the file had errors and the analyst did not choose to
 * import the valid rows; then nothing was stored.
 */
public record ImportReport(int rowsRead, int validRows, int added, int alreadyPresent, List<RowError> errors,
        boolean imported) {

    public int rejectedRows() {
        return (int) errors.stream().mapToInt(RowError::line).distinct().count();
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
