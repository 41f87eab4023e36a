package org.ishenim.reform;

import java.util.List;
import java.util.Locale;

/** A country the commission works with, by ISO 3166-1 alpha-2 code. Its name comes from the message bundle. */
public record Country(String code) {

    /** The EECA countries the Guidelines address. */
    public static final List<String> CODES = List.of("KG", "KZ", "TJ", "UZ", "AM", "AZ", "GE", "MD", "UA");

    public static final Country KYRGYZSTAN = new Country("KG");

    public Country {
        if (code == null) {
            throw new IllegalArgumentException("country code missing");
        }
        code = code.strip().toUpperCase(Locale.ROOT);
        if (!CODES.contains(code)) {
            throw new IllegalArgumentException("unknown country code");
        }
    }

    /** The country for a code from a URL or a form; an unknown code is answered with 404. */
    public static Country parse(String code) {
        try {
            return new Country(code);
        } catch (IllegalArgumentException e) {
            throw new org.ishenim.web.NotFoundException("reform.country", "No such country.");
        }
    }

    public static List<Country> all() {
        return CODES.stream().map(Country::new).toList();
    }

    public String messageKey() {
        return "reform.country." + code;
    }

    @Override
    public String toString() {
        return code;
    }
}
