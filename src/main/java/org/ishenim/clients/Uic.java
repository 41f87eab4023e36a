package org.ishenim.clients;

import java.util.regex.Pattern;

/**
 * The unique identifier code in the Central Asian format: sex, birth year, then the first two letters of the
 * mother's and of the father's first names in Latin capitals, for example {@code M1987AIBE}. A suffix
 * ({@code -2}, {@code -3}...) tells apart clients whose codes would otherwise be the same.
 */
public record Uic(String value) {

    private static final Pattern FORMAT = Pattern.compile("[MFX][0-9]{4}[A-Z]{4}(-[0-9]{1,3})?");

    public Uic {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("A UIC is the sex, the birth year and four Latin letters, e.g. M1987AIBE.");
        }
    }

    /** The code without its collision suffix. */
    public String base() {
        int dash = value.indexOf('-');
        return dash < 0 ? value : value.substring(0, dash);
    }

    Uic withSuffix(int n) {
        return n <= 1 ? new Uic(base()) : new Uic(base() + "-" + n);
    }

    /** Computes the code. The parents' names are used here and nowhere else; they are never stored. */
    static Uic compute(Sex sex, int birthYear, String motherFirstName, String fatherFirstName) {
        return new Uic(sex.name() + String.format("%04d", birthYear) + Transliteration.firstTwoLetters(motherFirstName)
                + Transliteration.firstTwoLetters(fatherFirstName));
    }

    @Override
    public String toString() {
        return value;
    }
}
