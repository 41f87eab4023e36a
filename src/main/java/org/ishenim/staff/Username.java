package org.ishenim.staff;

import java.util.regex.Pattern;

/** A staff login name: 2 to 60 letters, digits, dots, dashes or underscores. */
record Username(String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{2,60}");

    Username {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("A user name has 2 to 60 letters, digits, dots, dashes or underscores.");
        }
    }

    /** Whether {@code value} could be a user name: checked before any lookup, hash or memory is spent on it. */
    static boolean plausible(String value) {
        return value != null && value.length() <= 60 && VALID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
