package org.ishenim.linkage.schema;

import java.util.ArrayList;
import java.util.List;

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

    /** The whole value is one token. */
    record Exact() implements Comparison {

        @Override
        public List<String> tokenize(String value) {
            return List.of(value);
        }
    }
}
