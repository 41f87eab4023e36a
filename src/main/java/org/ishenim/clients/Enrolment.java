package org.ishenim.clients;

import java.time.Year;
import java.util.Set;

/**
 * What enrolment takes. The parents' first names make the UIC and are then dropped. Identity is optional
 * and is stored only when {@code identityConsent} is given.
 */
public record Enrolment(Sex sex, int birthYear, String motherFirstName, String fatherFirstName, String alias,
        Identity identity, boolean identityConsent, Set<Purpose> consents) {

    public static final int MAX_ALIAS = 60;

    public Enrolment {
        if (sex == null) {
            throw new IllegalArgumentException("Sex is required.");
        }
        alias = alias == null ? "" : alias.strip();
        if (alias.isEmpty() || alias.length() > MAX_ALIAS) {
            throw new IllegalArgumentException("An alias has 1 to " + MAX_ALIAS + " characters.");
        }
        consents = consents == null ? Set.of() : Set.copyOf(consents);
        identity = identity == null ? new Identity(null, null, null, null) : identity;
    }

    static void checkBirthYear(int year, Year now) {
        if (year < 1900 || year > now.getValue()) {
            throw new IllegalArgumentException("The birth year must be between 1900 and this year.");
        }
    }

    @Override
    public String toString() {
        return "Enrolment[redacted]";
    }
}
