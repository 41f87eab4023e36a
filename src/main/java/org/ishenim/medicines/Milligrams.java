package org.ishenim.medicines;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of active substance in milligrams: never negative, at most three decimals (micrograms), below 10^11 mg
 * (the widest ledger column, NUMERIC(14,3)).
 */
public record Milligrams(@com.fasterxml.jackson.annotation.JsonValue BigDecimal value) implements Comparable<Milligrams> {

    /** Digits before the decimal point: the ledger's NUMERIC(14,3) holds 11. */
    public static final int MAX_INTEGER_DIGITS = 11;

    public static final Milligrams ZERO = new Milligrams(BigDecimal.ZERO);

    private static final java.util.regex.Pattern PLAIN_DECIMAL = java.util.regex.Pattern.compile("[0-9]+(\\.[0-9]+)?");

    public Milligrams {
        if (value == null) {
            throw new IllegalArgumentException("An amount in mg is required.");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException("An amount in mg cannot be negative.");
        }
        // before any rescaling: "1E+500000000" has one digit, and setScale would build a number of 500 million
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("An amount in mg is too large.");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 3) {
            throw new IllegalArgumentException("An amount in mg has at most three decimals.");
        }
        value = stripped.setScale(3, RoundingMode.UNNECESSARY);
    }

    public static Milligrams of(long mg) {
        return new Milligrams(BigDecimal.valueOf(mg));
    }

    public static Milligrams of(String mg) {
        // parsing is quadratic in the digits: refuse a long string before it (the widest amount has 15 digits)
        if (mg != null && mg.strip().length() > 32) {
            throw new IllegalArgumentException("An amount in mg is too long.");
        }
        // ASCII digits in plain decimal notation only: BigDecimal alone would read "1E2" as 100, "+5" as 5 and
        // Arabic-Indic or full-width digits as their values
        if (mg == null || !PLAIN_DECIMAL.matcher(mg.strip()).matches()) {
            throw new IllegalArgumentException("An amount in mg must be a number such as 30 or 37.5.");
        }
        return new Milligrams(new BigDecimal(mg.strip()));
    }

    public Milligrams plus(Milligrams other) {
        return new Milligrams(value.add(other.value));
    }

    /** Throws when the result would be negative. */
    public Milligrams minus(Milligrams other) {
        return new Milligrams(value.subtract(other.value));
    }

    public Milligrams times(int n) {
        return new Milligrams(value.multiply(BigDecimal.valueOf(n)));
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public boolean isGreaterThan(Milligrams other) {
        return compareTo(other) > 0;
    }

    public Milligrams min(Milligrams other) {
        return compareTo(other) <= 0 ? this : other;
    }

    @Override
    public int compareTo(Milligrams o) {
        return value.compareTo(o.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Milligrams m && value.compareTo(m.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode();
    }

    /** The plain number, without trailing zeros: {@code 37.5}, {@code 40}. */
    public String plain() {
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }

    @Override
    public String toString() {
        return plain() + " mg";
    }
}
