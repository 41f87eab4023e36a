package org.ishenim.web;

import java.util.Map;

/**
 * Free text typed by staff (reasons, notes, suppliers, names): stripped, blank taken as absent, and refused with a
 * field error when longer than its column or when it holds a character no person types on purpose (see
 * {@link #isRefused}). Never cut short, and never left for the database to refuse (its error would quote the text).
 */
public final class FreeText {

    /** The field error of text with a control, direction, invisible or broken character. */
    public static final String UNSAFE = "Control, text-direction, invisible or broken characters are not allowed.";

    private FreeText() {
    }

    /** The stripped text, or null when blank; {@link InvalidFieldsException} when longer than {@code max}. */
    public static String atMost(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        refuseUnsafe(field, value);
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

    /** {@link UnsafeTextException} naming {@code field} when {@code value} holds a refused character. */
    public static void refuseUnsafe(String field, String value) {
        if (hasRefused(value)) {
            throw new UnsafeTextException(field);
        }
    }

    public static boolean hasRefused(String value) {
        return value != null && value.codePoints().anyMatch(FreeText::isRefused);
    }

    /**
     * Refused everywhere text comes in: control characters (NUL, C0 and C1, DEL) except tab, line feed and the
     * carriage return of a CRLF line break; format characters (Unicode category Cf: the bidi embeddings, overrides
     * and isolates U+202A–202E and U+2066–2069, the marks U+200E, U+200F and U+061C, zero-width characters and the
     * BOM U+FEFF); lone surrogates (a broken UTF-16 string); the Unicode line and paragraph separators; and
     * noncharacters such as U+FFFE. Each can hide or reorder what a reader sees, or break a file or a database.
     */
    static boolean isRefused(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> true;
            default -> (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF);
        };
    }
}
