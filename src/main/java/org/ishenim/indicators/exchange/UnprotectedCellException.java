package org.ishenim.indicators.exchange;

/**
 * An exporter was handed a count from 1 to min-cell − 1: disclosure control was skipped or wrong. The message names
 * the indicator and the cell, never the value.
 */
public class UnprotectedCellException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    UnprotectedCellException(String message) {
        super(message);
    }
}
