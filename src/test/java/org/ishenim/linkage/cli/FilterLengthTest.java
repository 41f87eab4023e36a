package org.ishenim.linkage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The v3 specification allows any filter length: the encoder, the CLI and the CLK files handle 512 to 4096 bits. */
class FilterLengthTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return LinkageCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 1024, 2048, 4096})
    void encodesWritesReadsAndMatchesAtEveryLength(int bits) throws Exception {
        String schema = """
                {"version": 3,
                 "clkConfig": {"l": %d, "kdf": {"type": "HKDF", "hash": "SHA256", "keySize": 64,
                               "salt": "c2FsdA==", "info": "aW5mbw=="}},
                 "features": [
                  {"identifier": "name", "format": {"type": "string", "encoding": "utf-8"},
                   "hashing": {"comparison": {"type": "ngram", "n": 2}, "strategy": {"bitsPerToken": 20},
                               "hash": {"type": "doubleHash"}}},
                  {"identifier": "age", "format": {"type": "integer"},
                   "hashing": {"comparison": {"type": "numeric", "thresholdDistance": 2, "resolution": 2},
                               "strategy": {"bitsPerFeature": 50}, "missingValue": {"sentinel": ""}}}]}
                """.formatted(bits);
        Path schemaFile = Files.writeString(dir.resolve("schema.json"), schema);
        Path secret = Files.writeString(dir.resolve("secret.txt"), "s");
        Path a = Files.writeString(dir.resolve("a.csv"), "name,age\nAinura,34\nBakyt,\nCholpon,51\n");
        Path b = Files.writeString(dir.resolve("b.csv"), "name,age\nCholpon,52\nAynura,34\n");

        assertThat(run("encode", "--schema", schemaFile.toString(), "--secret-file", secret.toString(),
                a.toString(), dir.resolve("a.json").toString())).as(err.toString()).isZero();
        assertThat(run("encode", "--schema", schemaFile.toString(), "--secret-file", secret.toString(),
                b.toString(), dir.resolve("b.json").toString())).as(err.toString()).isZero();

        List<String> clks = clks(dir.resolve("a.json"));
        assertThat(clks).hasSize(3).allSatisfy(clk -> assertThat(Base64.getDecoder().decode(clk)).hasSize(bits / 8));

        assertThat(run("match", dir.resolve("a.json").toString(), dir.resolve("b.json").toString(),
                "--threshold", "0.6")).as(err.toString()).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("0,1,");
        assertThat(lines[2]).startsWith("2,0,");
    }

    private static List<String> clks(Path file) throws Exception {
        Matcher m = Pattern.compile("\"([A-Za-z0-9+/=]{20,})\"").matcher(Files.readString(file));
        return m.results().map(r -> r.group(1)).toList();
    }
}
