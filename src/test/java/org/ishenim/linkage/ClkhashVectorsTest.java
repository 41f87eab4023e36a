package org.ishenim.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bit-for-bit agreement with the CLKs that clkhash (data61/clkhash 8e46f9f) produced for the shared vectors. */
class ClkhashVectorsTest {

    @ParameterizedTest
    @CsvSource({
        "febrl_schema_v3_final.json, febrl4a-first1000.csv, febrl4a-first1000.clks.json",
        "cyrillic-demo-schema.json, cyrillic-demo.csv, cyrillic-demo.clks.json"})
    void reproducesEveryVector(String schemaFile, String inputFile, String clksFile) {
        String expectedJson = TestData.read(TestData.resource(clksFile));
        List<String> expected = TestData.vectorClks(expectedJson);
        ClkEncoder encoder = new ClkEncoder(LinkageSchema.parse(TestData.read(TestData.resource(schemaFile))),
                TestData.vectorSecret(expectedJson).getBytes(StandardCharsets.UTF_8));

        List<Clk> actual = encoder.encodeCsv(new StringReader(TestData.read(TestData.resource(inputFile))));

        assertThat(expected).isNotEmpty();
        assertThat(actual.stream().map(Clk::toBase64).toList()).containsExactlyElementsOf(expected);
    }
}
