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

    @Override
    public String toString() {
        return value;
    }
}
