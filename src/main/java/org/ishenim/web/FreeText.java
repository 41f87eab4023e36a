package org.ishenim.web;

import java.util.Map;

/**
 * Free text typed by staff (reasons, notes, suppliers): stripped, blank taken as absent, and refused with a field
 * error when longer than its column. Never cut short, and never left for the database to refuse (its error would
 * quote the text).
 */
public final class FreeText {

    private FreeText() {
    }

    /** The stripped text, or null when blank; {@link InvalidFieldsException} when longer than {@code max}. */
    public static String atMost(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        // browsers send a textarea's line breaks as CRLF but count them as one character for maxlength
        String text = value.strip().replace("\r\n", "\n");
        if (text.length() > max) {
            throw new InvalidFieldsException(Map.of(field, "At most " + max + " characters."));
        }
        return text;
    }

    /** As {@link #atMost}, and {@code missing} is the field's error when the text is blank. */
    public static String required(String field, String value, int max, String missing) {
        String text = atMost(field, value, max);
        if (text == null) {
            throw new InvalidFieldsException(Map.of(field, missing));
        }
        return text;
    }
}
