package org.ishenim.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Ishenim's optional per-record salt: records whose salt values differ share (almost) no bits. */
class RecordSaltTest {

    private static final String SALTED = """
            {"version": 3, "clkConfig": {"l": 1024, "kdf": {"type": "HKDF"},
              "recordSalt": {"column": "date_of_birth", "normalise": "dateYear"}},
             "features": [
               {"identifier": "given_name", "normalise": "name", "format": {"type": "string"},
                "hashing": {"comparison": {"type": "ngram", "n": 2}, "strategy": {"bitsPerFeature": 200}}},
               {"identifier": "dob", "column": "date_of_birth", "format": {"type": "string"},
                "hashing": {"comparison": {"type": "ngram", "n": 1, "positional": true},
                            "strategy": {"bitsPerFeature": 100}}}]}
            """;

    @Test
    void saltSeparatesBirthYearsButKeepsMatchesWithinOne() {
        ClkEncoder encoder = new ClkEncoder(LinkageSchema.parse(SALTED), "k".getBytes(StandardCharsets.UTF_8));

        Clk a = encoder.encode(Map.of("given_name", "Айбек", "date_of_birth", "1985-03-14"));
        Clk sameYear = encoder.encode(Map.of("given_name", "Aibek", "date_of_birth", "1985-03-14"));
        Clk otherYear = encoder.encode(Map.of("given_name", "Aibek", "date_of_birth", "1986-03-14"));

        assertThat(a.dice(sameYear)).isEqualTo(1.0);
        assertThat(a.dice(otherYear)).isLessThan(0.3);
        assertThat(LinkageSchema.parse(SALTED).requiredColumns()).containsExactly("given_name", "date_of_birth");
    }
}
