package org.ishenim.clients;

import java.time.LocalDate;

/**
 * What identifies a person. Every field is optional; it is stored only encrypted, only with consent, and
 * never shown in lists. {@link #toString()} is redacted so that it can never reach a log by accident.
 */
public record Identity(String givenName, String surname, LocalDate dateOfBirth, String phone) {

    public Identity {
        givenName = blankToNull(givenName, 100);
        surname = blankToNull(surname, 100);
        phone = blankToNull(phone, 40);
    }

    public boolean isEmpty() {
        return givenName == null && surname == null && dateOfBirth == null && phone == null;
    }

    private static String blankToNull(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        if (t.length() > max) {
            throw new IllegalArgumentException("An identity field is longer than " + max + " characters.");
        }
        return t;
    }

    @Override
    public String toString() {
        return "Identity[redacted]";
    }
}
