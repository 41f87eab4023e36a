package org.ishenim.intake;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ishenim.web.InvalidFieldsException;

/**
 * The treatment-entry form as typed: every field a string, so that a form with errors is shown again with what was
 * chosen (nothing lost). {@link #parse} checks every field at once and names each one to correct with a code
 * ({@code required}, {@code unknown}, {@code number}, {@code range}, {@code beforeEnrolment}, {@code future}), never the
 * value.
 */
record EntryForm(String enteredOn, String treatmentCentre, String previousTreatment, String referralSource,
        String primaryDrug, String route, String frequency, String ageFirstUseAnswer, String ageFirstUse,
        String everInjected, String everOst) {

    static final int MIN_AGE = 1;
    static final int MAX_AGE = 99;

    /** The coded fields, in the form's order, with their codes: what the template lists as options. */
    record Choice(String field, List<String> codes) {
    }

    static final List<Choice> CHOICES = List.of(choice("treatmentCentre", TreatmentCentre.class),
            choice("previousTreatment", PreviousTreatment.class), choice("referralSource", ReferralSource.class),
            choice("primaryDrug", PrimaryDrug.class), choice("route", Route.class), choice("frequency", Frequency.class),
            choice("ageFirstUseAnswer", AgeAnswer.class), choice("everInjected", YesNo.class),
            choice("everOst", YesNo.class));

    static EntryForm empty(LocalDate today) {
        return new EntryForm(today.toString(), "", "", "", "", "", "", "", "", "", "");
    }

    /** The value typed in a field, for the template ({@code form.value('route')}); never null. */
    public String value(String field) {
        String v = switch (field) {
            case "enteredOn" -> enteredOn;
            case "treatmentCentre" -> treatmentCentre;
            case "previousTreatment" -> previousTreatment;
            case "referralSource" -> referralSource;
            case "primaryDrug" -> primaryDrug;
            case "route" -> route;
            case "frequency" -> frequency;
            case "ageFirstUseAnswer" -> ageFirstUseAnswer;
            case "ageFirstUse" -> ageFirstUse;
            case "everInjected" -> everInjected;
            case "everOst" -> everOst;
            default -> throw new IllegalArgumentException("No such field.");
        };
        return v == null ? "" : v;
    }

    /** The entry, or {@link InvalidFieldsException} naming every field to correct. */
    Parsed parse(LocalDate enrolledOn, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate on = date(enrolledOn, today, errors);
        var centre = code(TreatmentCentre.class, "treatmentCentre", treatmentCentre, errors);
        var previous = code(PreviousTreatment.class, "previousTreatment", previousTreatment, errors);
        var referral = code(ReferralSource.class, "referralSource", referralSource, errors);
        var drug = code(PrimaryDrug.class, "primaryDrug", primaryDrug, errors);
        var how = code(Route.class, "route", route, errors);
        var often = code(Frequency.class, "frequency", frequency, errors);
        var ageAnswer = code(AgeAnswer.class, "ageFirstUseAnswer", ageFirstUseAnswer, errors);
        var injected = code(YesNo.class, "everInjected", everInjected, errors);
        var ost = code(YesNo.class, "everOst", everOst, errors);
        Integer age = age(ageAnswer, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return new Parsed(on, new TreatmentEntry.Items(centre, previous, referral, drug, how, often, ageAnswer, age,
                injected, ost));
    }

    record Parsed(LocalDate enteredOn, TreatmentEntry.Items items) {
    }

    private LocalDate date(LocalDate enrolledOn, LocalDate today, Map<String, String> errors) {
        if (blank(enteredOn)) {
            errors.put("enteredOn", "required");
            return null;
        }
        try {
            LocalDate on = LocalDate.parse(enteredOn.strip());
            if (on.isBefore(enrolledOn)) {
                errors.put("enteredOn", "beforeEnrolment");
            } else if (on.isAfter(today)) {
                errors.put("enteredOn", "future");
            }
            return on;
        } catch (DateTimeParseException e) {
            errors.put("enteredOn", "date");
            return null;
        }
    }

    private Integer age(AgeAnswer answer, Map<String, String> errors) {
        boolean typed = !blank(ageFirstUse);
        if (answer != AgeAnswer.GIVEN) {
            if (typed && answer != null) {
                errors.put("ageFirstUse", "notWithAnswer");
            }
            return null;
        }
        if (!typed) {
            errors.put("ageFirstUse", "required");
            return null;
        }
        try {
            int age = Integer.parseInt(ageFirstUse.strip());
            if (age < MIN_AGE || age > MAX_AGE) {
                errors.put("ageFirstUse", "range");
                return null;
            }
            return age;
        } catch (NumberFormatException e) {
            errors.put("ageFirstUse", "number");
            return null;
        }
    }

    private static <E extends Enum<E>> E code(Class<E> type, String field, String value, Map<String, String> errors) {
        if (blank(value)) {
            errors.put(field, "required");
            return null;
        }
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        errors.put(field, "unknown");
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <E extends Enum<E>> Choice choice(String field, Class<E> type) {
        return new Choice(field, java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    @Override
    public String toString() {
        return "EntryForm[redacted]";
    }
}
