package org.ishenim.clients;

import java.time.LocalDate;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.ishenim.web.InvalidFieldsException;

/**
 * Enrolment as it arrives from the API or the form. {@link #validate} reports every bad field at once, with
 * a code (for the UI's message bundle) and an English message (for the API).
 */
record EnrolRequest(String sex, Integer birthYear, String motherFirstName, String fatherFirstName, String alias,
        String givenName, String surname, LocalDate dateOfBirth, String phone, Boolean identityConsent,
        Set<Purpose> consents) {

    static final Map<String, String> MESSAGES = Map.of(
            "required", "This field is required.",
            "sex", "Sex is M, F or X.",
            "birthYear", "The birth year must be between 1900 and this year.",
            "letters", "The name must contain letters.",
            "alias", "An alias has 1 to 60 characters.",
            "identityConsent", "Identity is stored only when the client consents to it.",
            "dateOfBirth", "The date of birth must be in the past and match the birth year.",
            "tooLong", "This field is too long.");

    /** Field name to error code; empty when valid. */
    Map<String, String> validate(Year thisYear) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (sex == null || sex.isBlank()) {
            errors.put("sex", "required");
        } else if (!Set.of("M", "F", "X").contains(sex.strip().toUpperCase())) {
            errors.put("sex", "sex");
        }
        if (birthYear == null) {
            errors.put("birthYear", "required");
        } else if (birthYear < 1900 || birthYear > thisYear.getValue()) {
            errors.put("birthYear", "birthYear");
        }
        checkName("motherFirstName", motherFirstName, errors);
        checkName("fatherFirstName", fatherFirstName, errors);
        if (alias == null || alias.isBlank()) {
            errors.put("alias", "required");
        } else if (alias.strip().length() > Enrolment.MAX_ALIAS) {
            errors.put("alias", "alias");
        }
        for (var field : Map.of("givenName", nz(givenName), "surname", nz(surname)).entrySet()) {
            if (field.getValue().length() > 100) {
                errors.put(field.getKey(), "tooLong");
            }
        }
        if (nz(phone).length() > 40) {
            errors.put("phone", "tooLong");
        }
        if (dateOfBirth != null && (dateOfBirth.isAfter(LocalDate.of(thisYear.getValue(), 12, 31))
                || (birthYear != null && dateOfBirth.getYear() != birthYear))) {
            errors.put("dateOfBirth", "dateOfBirth");
        }
        if (hasIdentity() && !Boolean.TRUE.equals(identityConsent)) {
            errors.put("identityConsent", "identityConsent");
        }
        return errors;
    }

    boolean hasIdentity() {
        return !nz(givenName).isBlank() || !nz(surname).isBlank() || dateOfBirth != null || !nz(phone).isBlank();
    }

    /** Validated enrolment, or 400 with every bad field. */
    Enrolment toEnrolment(Year thisYear) {
        Map<String, String> errors = validate(thisYear);
        if (!errors.isEmpty()) {
            Map<String, String> messages = new LinkedHashMap<>();
            errors.forEach((field, code) -> messages.put(field, MESSAGES.get(code)));
            throw new InvalidFieldsException(messages);
        }
        return new Enrolment(Sex.valueOf(sex.strip().toUpperCase()), birthYear, motherFirstName, fatherFirstName, alias,
                new Identity(givenName, surname, dateOfBirth, phone), Boolean.TRUE.equals(identityConsent), consents);
    }

    private static void checkName(String field, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(field, "required");
        } else if (Transliteration.toLatin(value).isEmpty()) {
            errors.put(field, "letters");
        } else if (value.length() > 100) {
            errors.put(field, "tooLong");
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String toString() {
        return "EnrolRequest[redacted]";
    }
}
