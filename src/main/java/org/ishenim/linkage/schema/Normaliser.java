package org.ishenim.linkage.schema;

import java.util.Arrays;
import java.util.function.UnaryOperator;

import org.ishenim.linkage.normalise.DateParts;
import org.ishenim.linkage.normalise.NameFolding;

/**
 * Ishenim's optional per-feature pre-processing ({@code "normalise": "name"} and so on), applied to the raw value
 * before the missing-value check and the format. clkhash ignores the key, so a schema without it encodes exactly
 * as clkhash does.
 */
public enum Normaliser {
    NONE("none", v -> v),
    /** Russian and Kyrgyz Cyrillic and their Latin transliterations folded to one Latin skeleton. */
    NAME("name", NameFolding::fold),
    /** As {@code name}, then one common surname ending (-ov, -ova, -ev, -eva, -in, -ina...) removed. */
    SURNAME("surname", NameFolding::foldSurname),
    /** The consonant skeleton of the folded name: vowels dropped. */
    NAME_SKELETON("nameSkeleton", NameFolding::skeleton),
    /** Trimmed and upper-cased, for codes such as sex. */
    TRIM_UPPER("trimUpper", v -> v.strip().toUpperCase(java.util.Locale.ROOT)),
    /** The first four characters of a date written year first, unvalidated ("" if shorter): a lenient year. */
    YEAR_PREFIX("yearPrefix", v -> v.strip().length() >= 4 ? v.strip().substring(0, 4) : ""),
    /** The year of an ISO date ({@code yyyy-mm-dd}). */
    DATE_YEAR("dateYear", DateParts::year),
    /** The smaller of day and month of an ISO date, so that a swapped day and month still agree. */
    DATE_DAY_MONTH_LOW("dateDayMonthLow", DateParts::dayMonthLow),
    /** The larger of day and month of an ISO date. */
    DATE_DAY_MONTH_HIGH("dateDayMonthHigh", DateParts::dayMonthHigh),
    /** The two-day period of the date counted from even days: a one-day typo keeps this or the odd one. */
    DATE_TWO_DAY_EVEN("dateTwoDayEven", v -> DateParts.twoDayPeriod(v, 0)),
    /** The two-day period of the date counted from odd days. */
    DATE_TWO_DAY_ODD("dateTwoDayOdd", v -> DateParts.twoDayPeriod(v, 1));

    private final String key;
    private final UnaryOperator<String> operation;

    Normaliser(String key, UnaryOperator<String> operation) {
        this.key = key;
        this.operation = operation;
    }

    public String key() {
        return key;
    }

    /** Applies the step; throws {@link RejectedValue} when the value cannot be read. */
    public String apply(String value) {
        return operation.apply(value);
    }

    public static Normaliser byKey(String key) {
        return Arrays.stream(values()).filter(n -> n.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown normaliser '" + key + "'"));
    }
}
