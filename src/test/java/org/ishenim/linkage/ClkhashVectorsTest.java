package org.ishenim.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bit-for-bit agreement with the CLKs that clkhash (data61/clkhash 8e46f9f) produced: every {@code *.clks.json}
 * vector under {@code src/test/resources/linkage}. Each vector file names its schema, its input and its secret.
 */
class ClkhashVectorsTest {

    static Stream<Path> vectors() throws IOException {
        List<Path> files = new ArrayList<>();
        Path copies = TestData.resource("cyrillic-demo.clks.json").getParent();
        try (Stream<Path> list = Files.list(copies)) {
            list.filter(p -> p.getFileName().toString().endsWith(".clks.json")).sorted().forEach(files::add);
        }
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void reproducesEveryVector(Path vectorFile) {
        String vector = TestData.read(vectorFile);
        Path dir = vectorFile.getParent();
        List<String> expected = TestData.vectorClks(vector);
        String stem = vectorFile.getFileName().toString().replace(".clks.json", "");
        ClkEncoder encoder = new ClkEncoder(
                LinkageSchema.parse(TestData.read(dir.resolve(field(vector, "schema", stem + "-schema.json")))),
                TestData.vectorSecret(vector).getBytes(StandardCharsets.UTF_8));

        List<Clk> actual = encoder.encodeCsv(
                new StringReader(TestData.read(dir.resolve(field(vector, "input", stem + ".csv")))));

        assertThat(expected).isNotEmpty();
        assertThat(actual.stream().map(Clk::toBase64).toList()).containsExactlyElementsOf(expected);
    }

    /** A file named in the vector, else the name beside it by convention ({@code x-schema.json}, {@code x.csv}). */
    private static String field(String json, String name, String conventional) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : conventional;
    }
}
