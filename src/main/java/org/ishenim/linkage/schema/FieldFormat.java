package org.ishenim.linkage.schema;

import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** A feature's {@code format}: validates a raw value and returns the string that is tokenised. */
public sealed interface FieldFormat {

    /** Validates the value and returns its canonical form; throws {@link RejectedValue} with a reason. */
    String format(String value);

    /** Text with an encoding and either a pattern or case and length limits (lengths count code points). */
    record Text(Charset encoding, Pattern pattern, String textCase, Integer minLength, Integer maxLength)
            implements FieldFormat {

        public Text {
            if (!Set.of("lower", "upper", "mixed").contains(textCase)) {
                throw new IllegalArgumentException("case must be lower, upper or mixed");
            }
            if (minLength != null && minLength < 0 || maxLength != null && maxLength <= 0) {
                throw new IllegalArgumentException("minLength must be >= 0 and maxLength > 0");
            }
        }

        @Override
        public String format(String value) {
            CharsetEncoder encoder = encoding.newEncoder();
            if (!encoder.canEncode(value)) {
                throw new RejectedValue("cannot be encoded in " + encoding.name());
            }
            if (pattern != null) {
                if (!pattern.matcher(value).matches()) {
                    throw new RejectedValue("does not match the pattern of the schema");
                }
                return value;
            }
            int length = value.codePointCount(0, value.length());
            if (minLength != null && length < minLength) {
                throw new RejectedValue("shorter than the minimum length " + minLength);
            }
            if (maxLength != null && length > maxLength) {
                throw new RejectedValue("longer than the maximum length " + maxLength);
            }
            if (textCase.equals("lower") && !value.toLowerCase(Locale.ROOT).equals(value)) {
                throw new RejectedValue("expected lower case");
            }
            if (textCase.equals("upper") && !value.toUpperCase(Locale.ROOT).equals(value)) {
                throw new RejectedValue("expected upper case");
            }
            return value;
        }
    }

    /** A base-10 integer, optionally bounded; formatted without sign noise or leading zeros. */
    record Int(BigInteger minimum, BigInteger maximum) implements FieldFormat {

        private static final Pattern INTEGER = Pattern.compile("\\s*[+-]?\\d+(_\\d+)*\\s*");

        @Override
        public String format(String value) {
            if (!INTEGER.matcher(value).matches()) {
                throw new RejectedValue("not an integer");
            }
            BigInteger number = new BigInteger(value.strip().replace("_", "").replaceFirst("^\\+", ""));
            if (minimum != null && number.compareTo(minimum) < 0) {
                throw new RejectedValue("below the minimum " + minimum);
            }
            if (maximum != null && number.compareTo(maximum) > 0) {
                throw new RejectedValue("above the maximum " + maximum);
            }
            return number.toString();
        }
    }

    /** A date in a strftime-style format, hashed as {@code yyyymmdd}. */
    record Date(StrftimeDate pattern) implements FieldFormat {

        @Override
        public String format(String value) {
            return pattern.toYyyyMmDd(value);
        }
    }

    /** One of a fixed set of values, hashed as given. */
    record Enum(Set<String> values) implements FieldFormat {

        public Enum {
            values = Set.copyOf(values);
        }

        @Override
        public String format(String value) {
            if (!values.contains(value)) {
                throw new RejectedValue("not one of the permitted values");
            }
            return value;
        }
    }
}
