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
 * vector in the copies under test resources, and every one in {@code ../shared/data/clkhash-vectors} (or
 * {@code /work/shared/data/clkhash-vectors}) when that folder is present. Each vector file names its schema, its
 * input and its secret.
 */
class ClkhashVectorsTest {

    static Stream<Path> vectors() throws IOException {
        List<Path> files = new ArrayList<>();
        Path copies = TestData.resource("cyrillic-demo.clks.json").getParent();
        for (Path dir : Stream.of(copies, sharedVectors()).filter(d -> d != null).toList()) {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> p.getFileName().toString().endsWith(".clks.json")).sorted().forEach(files::add);
            }
        }
        return files.stream();
    }

    private static Path sharedVectors() {
        for (Path dir : List.of(Path.of("../shared/data/clkhash-vectors"),
                Path.of("/work/shared/data/clkhash-vectors"))) {
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        return null;
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void reproducesEveryVector(Path vectorFile) {
        String vector = TestData.read(vectorFile);
        Path dir = vectorFile.getParent();
        List<String> expected = TestData.vectorClks(vector);
        ClkEncoder encoder = new ClkEncoder(LinkageSchema.parse(TestData.read(dir.resolve(field(vector, "schema")))),
                TestData.vectorSecret(vector).getBytes(StandardCharsets.UTF_8));

        List<Clk> actual = encoder.encodeCsv(new StringReader(TestData.read(dir.resolve(field(vector, "input")))));

        assertThat(expected).isNotEmpty();
        assertThat(actual.stream().map(Clk::toBase64).toList()).containsExactlyElementsOf(expected);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("vector file lacks '" + name + "'");
        }
        return m.group(1);
    }
}
