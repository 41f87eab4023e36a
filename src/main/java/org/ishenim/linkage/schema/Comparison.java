package org.ishenim.linkage.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** How a formatted value becomes tokens. */
public sealed interface Comparison {

    List<String> tokenize(String value);

    /** n-grams over code points, padded with n-1 spaces each side when n > 1; positional ones carry "i " first. */
    record Ngram(int n, boolean positional) implements Comparison {

        public Ngram {
            if (n < 0) {
                throw new IllegalArgumentException("n of an n-gram must not be negative");
            }
        }

        @Override
        public List<String> tokenize(String value) {
            if (value.isEmpty()) {
                return List.of();
            }
            String padded = n > 1 ? " ".repeat(n - 1) + value + " ".repeat(n - 1) : value;
            int[] cps = padded.codePoints().toArray();
            List<String> tokens = new ArrayList<>(Math.max(0, cps.length - n + 1));
            for (int i = 0; i + n <= cps.length; i++) {
                String gram = new String(cps, i, n);
                tokens.add(positional ? (i + 1) + " " + gram : gram);
            }
            return tokens;
        }
    }

    /** The whole value is one token; an empty value gives none, so a missing value adds no bits. */
    record Exact() implements Comparison {

        @Override
        public List<String> tokenize(String value) {
            return value.isEmpty() ? List.of() : List.of(value);
        }
    }

    /**
     * Vatsalan and Christen's neighbourhood tokens for numbers, as clkhash's {@code NumericComparison}: the value,
     * scaled by 10^{@code fractionalPrecision} (rounded half to even from a decimal, truncated when the precision is
     * 0) and by {@code 2·resolution}, is moved to the nearest multiple of {@code distanceInterval} (a half goes
     * up); the tokens are that multiple and {@code resolution} multiples either side, {@code 2·resolution + 1} in
     * all. An empty value gives no token. Integers are exact at any size; decimals are read as IEEE doubles, as
     * Python's {@code float} does. Infinity, NaN and digits other than ASCII are refused: the reference fails on
     * the first two and we do not guess at the third.
     */
    record Numeric(BigInteger distanceInterval, int resolution, int fractionalPrecision) implements Comparison {

        private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9](_?[0-9])*");
        private static final String DIGITS = "[0-9](_?[0-9])*";
        private static final Pattern DECIMAL = Pattern.compile(
                "[+-]?(" + DIGITS + "\\.?(" + DIGITS + ")?|\\." + DIGITS + ")([eE][+-]?" + DIGITS + ")?");

        public Numeric {
            if (distanceInterval.signum() <= 0) {
                throw new IllegalArgumentException("not enough fractional precision to encode thresholdDistance");
            }
            if (resolution < 1) {
                throw new IllegalArgumentException("resolution must be at least 1");
            }
            if (fractionalPrecision < 0) {
                throw new IllegalArgumentException("fractional_precision must not be negative");
            }
        }

        /** From the schema's integer {@code thresholdDistance}: scaled exactly. */
        public static Numeric of(BigInteger thresholdDistance, int resolution, int fractionalPrecision) {
            requirePositive(thresholdDistance.signum() > 0);
            requirePrecision(fractionalPrecision);
            return new Numeric(thresholdDistance.multiply(BigInteger.TEN.pow(fractionalPrecision)), resolution,
                    fractionalPrecision);
        }

        /** From the schema's decimal {@code thresholdDistance}: scaled as a double, rounded half to even. */
        public static Numeric of(double thresholdDistance, int resolution, int fractionalPrecision) {
            requirePositive(thresholdDistance > 0);
            requirePrecision(fractionalPrecision);
            return new Numeric(roundHalfEven(thresholdDistance * scale(fractionalPrecision)), resolution,
                    fractionalPrecision);
        }

        @Override
        public List<String> tokenize(String value) {
            if (value.isEmpty()) {
                return List.of();
            }
            BigInteger v = quantised(read(value.strip()).multiply(BigInteger.valueOf(2L * resolution)));
            List<String> tokens = new ArrayList<>(2 * resolution + 1);
            for (int i = -resolution; i <= resolution; i++) {
                tokens.add(v.add(distanceInterval.multiply(BigInteger.valueOf(i))).toString());
            }
            return tokens;
        }

        private BigInteger read(String text) {
            if (INTEGER.matcher(text).matches()) {
                return new BigInteger(text.replace("_", "")).multiply(BigInteger.TEN.pow(fractionalPrecision));
            }
            if (!DECIMAL.matcher(text).matches()) {
                throw new RejectedValue("not a number in plain ASCII decimal notation");
            }
            double d = Double.parseDouble(text.replace("_", ""));
            if (Double.isInfinite(d)) {
                throw new RejectedValue("number out of range");
            }
            if (fractionalPrecision == 0) {
                return new BigDecimal(d).toBigInteger();
            }
            double scaled = d * scale(fractionalPrecision);
            if (Double.isInfinite(scaled)) {
                throw new RejectedValue("number out of range");
            }
            return roundHalfEven(scaled);
        }

        private BigInteger quantised(BigInteger v) {
            BigInteger residue = v.mod(distanceInterval);
            if (residue.signum() == 0) {
                return v;
            }
            if (residue.shiftLeft(1).compareTo(distanceInterval) < 0) {
                return v.subtract(residue);
            }
            return v.add(distanceInterval.subtract(residue));
        }

        /** 10^p as the double Python gets when it multiplies a float by the integer {@code pow(10, p)}. */
        private static double scale(int precision) {
            return Double.parseDouble("1e" + precision);
        }

        private static BigInteger roundHalfEven(double value) {
            return new BigDecimal(Math.rint(value)).toBigInteger();
        }

        private static void requirePositive(boolean positive) {
            if (!positive) {
                throw new IllegalArgumentException("thresholdDistance must be positive");
            }
        }

        private static void requirePrecision(int fractionalPrecision) {
            if (fractionalPrecision < 0 || fractionalPrecision > 300) {
                throw new IllegalArgumentException("fractional_precision must be between 0 and 300");
            }
        }
    }
}
