package org.ishenim.linkage;

/**
 * A record does not conform to the linkage schema. The message names the row, the column and the reason,
 * never the offending value, so it can be logged and shown without leaking identity.
 */
public final class InvalidInputException extends RuntimeException {

    private final int row;
    private final String column;
    private final String reason;

    public InvalidInputException(int row, String column, String reason) {
        super("row " + row + ", column '" + column + "': " + reason);
        this.row = row;
        this.column = column;
        this.reason = reason;
    }

    /** 1-based data row (the header is row 0); 0 when the record was not read from a file. */
    public int row() {
        return row;
    }

    public String column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
