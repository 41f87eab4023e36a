package org.ishenim.web;

import java.util.Map;

/**
 * 400: a text field holds a control, text-direction, invisible or broken character ({@link FreeText#isRefused}).
 * Its own code, so that a page says so in the user's language and names the field.
 */
class UnsafeTextException extends InvalidFieldsException {

    public UnsafeTextException(String field) {
        super("unsafe-text", Map.of(field, FreeText.UNSAFE));
    }
}
