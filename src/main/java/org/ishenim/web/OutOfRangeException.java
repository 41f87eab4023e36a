package org.ishenim.web;

import java.util.Map;

/**
 * 400: a date or an amount outside its plausible range ({@link PlausibleDates}, the stock movement maximum). Its own
 * code, so that a page says so in the user's language and names the field; the value is never echoed.
 */
public class OutOfRangeException extends InvalidFieldsException {

    public OutOfRangeException(String field, String rule) {
        super("out-of-range", Map.of(field, rule));
    }
}
