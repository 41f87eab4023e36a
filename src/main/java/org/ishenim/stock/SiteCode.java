package org.ishenim.stock;

import java.util.regex.Pattern;

/** A site of this clinic, by its short code ({@code main}, {@code east}). */
public record SiteCode(@com.fasterxml.jackson.annotation.JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9-]{1,20}");

    public SiteCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("A site code is 1 to 20 lower-case letters, digits or dashes.");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
