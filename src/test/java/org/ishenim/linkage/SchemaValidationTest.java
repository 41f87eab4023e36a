package org.ishenim.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Invalid schemas and invalid records are rejected with a reason; records name the row and column, not the value. */
class SchemaValidationTest {

    private static final byte[] SECRET = "secret".getBytes(StandardCharsets.UTF_8);

    private static String schema(String format, String extraHashing) {
        return """
                {"version": 3, "clkConfig": {"l": 1024, "kdf": {"type": "HKDF"}},
                 "features": [
                   {"identifier": "id", "ignored": true},
                   {"identifier": "value", "format": %s,
                    "hashing": {"comparison": {"type": "ngram", "n": 2}, "strategy": {"bitsPerToken": 10}%s}}]}
                """.formatted(format, extraHashing);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"version\": 2, \"clkConfig\": {}, \"features\": []}| version 3",
        "{\"version\": 3, \"clkConfig\": {\"l\": 1000, \"kdf\": {\"type\": \"HKDF\"}}, \"features\": [{\"identifier\": \"a\", \"format\": {\"type\": \"integer\"}, \"hashing\": {\"comparison\": {\"type\": \"exact\"}, \"strategy\": {\"bitsPerToken\": 1}}}]}| power of two",
        "{\"version\": 3, \"clkConfig\": {\"l\": 1024, \"kdf\": {\"type\": \"PBKDF2\"}}, \"features\": []}| HKDF",
        "not json| not valid JSON"})
    void rejectsInvalidSchemas(String json, String reason) {
        assertThatThrownBy(() -> LinkageSchema.parse(json)).isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void rejectsUnknownFormatAndPreventSingularityWithBlake() {
        assertThatThrownBy(() -> LinkageSchema.parse(schema("{\"type\": \"float\"}", "")))
                .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("feature 'value'");
        assertThatThrownBy(() -> LinkageSchema.parse(schema("{\"type\": \"string\"}",
                ", \"hash\": {\"type\": \"blakeHash\", \"prevent_singularity\": true}")))
                .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("prevent_singularity");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"type\": \"string\", \"maxLength\": 3}| abcdef| longer than the maximum length 3",
        "{\"type\": \"string\", \"minLength\": 3}| ab| shorter than the minimum length 3",
        "{\"type\": \"string\", \"case\": \"lower\"}| Abc| expected lower case",
        "{\"type\": \"string\", \"pattern\": \"[0-9]+\"}| 12a| does not match the pattern",
        "{\"type\": \"string\", \"encoding\": \"ascii\"}| Айбек| cannot be encoded in US-ASCII",
        "{\"type\": \"integer\", \"maximum\": 10}| 11| above the maximum 10",
        "{\"type\": \"integer\"}| 1.5| not an integer",
        "{\"type\": \"date\", \"format\": \"%Y-%m-%d\"}| 1990-02-30| not a valid calendar date",
        "{\"type\": \"date\", \"format\": \"%Y-%m-%d\"}| 30/01/1990| not a date in the format",
        "{\"type\": \"enum\", \"values\": [\"M\", \"F\"]}| Q| not one of the permitted values"})
    void rejectsRecordsWithRowColumnAndReasonButNotTheValue(String format, String value, String reason) {
        ClkEncoder encoder = new ClkEncoder(LinkageSchema.parse(schema(format, "")), SECRET);
        assertThatThrownBy(() -> encoder.encodeCsv(new StringReader("id,value\n2," + value + "\n")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.row()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo("value");
                    assertThat(e.getMessage()).contains(reason).doesNotContain(value);
                });
    }

    @Test
    void missingValueSentinelSkipsValidation() {
        String json = schema("{\"type\": \"integer\"}", ", \"missingValue\": {\"sentinel\": \"N/A\"}");
        ClkEncoder encoder = new ClkEncoder(LinkageSchema.parse(json), SECRET);

        assertThat(encoder.encodeCsv(new StringReader("id,value\n1,N/A\n"))).hasSize(1);
    }

    @Test
    void reportsMissingColumnsAndShortRows() {
        ClkEncoder encoder = new ClkEncoder(LinkageSchema.clinic(), SECRET);

        assertThatThrownBy(() -> encoder.encodeCsv(new StringReader("given_name,surname,sex\nA,B,M\n")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.column()).isEqualTo("date_of_birth"));
        assertThatThrownBy(() -> encoder.encodeCsv(new StringReader(
                "given_name,surname,date_of_birth,sex\nA,B,1990-01-01,M\nA,B,1990-01-01\n")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.row()).isEqualTo(2));
    }

    @Test
    void acceptsAByteOrderMarkBeforeTheHeader() {
        ClkEncoder encoder = new ClkEncoder(LinkageSchema.clinic(), SECRET);

        assertThat(encoder.encodeCsv(new StringReader(
                "\uFEFFgiven_name,surname,date_of_birth,sex\nАйбек,Токтогулов,1985-03-14,M\n"))).hasSize(1);
    }

    @Test
    void clinicSchemaIgnoresOtherColumnsAndRejectsBadSex() {
        ClkEncoder encoder = new ClkEncoder(LinkageSchema.clinic(), SECRET);
        String header = "client_ref,given_name,surname,date_of_birth,sex\n";

        assertThat(encoder.encodeCsv(new StringReader(header + "77,Айбек,Токтогулов,1985-03-14,m\n"))).hasSize(1);
        assertThatThrownBy(() -> encoder.encodeCsv(new StringReader(header + "77,Айбек,Токтогулов,1985-03-14,Q\n")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.row()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo("sex");
                });
    }
}
