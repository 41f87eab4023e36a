package org.ishenim.linkage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkageCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return LinkageCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void encodesWithTheClinicSchemaAndMatchesCyrillicAgainstLatin() throws Exception {
        Path secret = write("secret.txt", "clinic secret\n");
        Path a = write("a.csv", "ref,given_name,surname,date_of_birth,sex\n1,Айбек,Токтогулов,1985-03-14,M\n"
                + "2,Гүлнара,Осмонова,1990-11-02,F\n");
        Path b = write("b.csv", "given_name,surname,date_of_birth,sex\nGulnara,Osmonova,1990-02-11,F\n"
                + "Nurlan,,1978-07-30,M\nAibek,Toktogulov,1985-03-14,M\n");

        assertThat(run("encode", "--schema", "clinic", "--secret-file", secret.toString(), a.toString(),
                dir.resolve("a.json").toString())).isZero();
        assertThat(run("encode", "--schema", "clinic", "--secret-file", secret.toString(), b.toString(),
                dir.resolve("b.json").toString())).isZero();
        assertThat(Files.readString(dir.resolve("a.json"))).startsWith("{\"clks\": [");

        assertThat(run("match", dir.resolve("a.json").toString(), dir.resolve("b.json").toString(),
                "--threshold", "0.85")).isZero();

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines[0]).isEqualTo("index_a,index_b,similarity");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("0,2,");
        assertThat(lines[2]).startsWith("1,0,");
    }

    @Test
    void solverNoneWritesEveryCandidate() throws Exception {
        Path secret = write("secret.txt", "s");
        Path a = write("a.csv", "given_name,surname,date_of_birth,sex\nAibek,Toktogulov,1985-03-14,M\n");
        Path b = write("b.csv", "given_name,surname,date_of_birth,sex\nAibek,Toktogulov,1985-03-14,M\n"
                + "Aybek,Toktogulov,1985-14-03,M\n");
        run("encode", "--schema", "clinic", "--secret-file", secret.toString(), a.toString(), dir + "/a.json");
        run("encode", "--schema", "clinic", "--secret-file", secret.toString(), b.toString(), dir + "/b.json");

        assertThat(run("match", dir + "/a.json", dir + "/b.json", "--threshold", "0.8", "--solver", "none", "--out",
                dir + "/pairs.csv")).isZero();

        assertThat(Files.readAllLines(dir.resolve("pairs.csv"))).hasSize(3);
    }

    @Test
    void invalidRecordIsReportedByRowAndColumnWithoutItsContent() throws Exception {
        Path secret = write("secret.txt", "s");
        Path a = write("a.csv", "given_name,surname,date_of_birth,sex\nAibek,Toktogulov,1985-03-14,M\n"
                + "Secretname,Toktogulov,1985-02-30,M\n");

        int code = run("encode", "--schema", "clinic", "--secret-file", secret.toString(), a.toString(),
                dir + "/a.json");

        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(2);
        assertThat(message).contains("row 2").contains("date_of_birth").contains("not a valid calendar date")
                .doesNotContain("Secretname").doesNotContain("1985").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        assertThat(run("match", "only-one.json")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("match", dir + "/missing-a.json", dir + "/missing-b.json")).isEqualTo(2);
        assertThat(run("encode", "--schema", write("bad.json", "{").toString(), "--secret-file",
                write("k", "k").toString(), "x.csv", "y.json")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command").contains("file not found")
                .contains("not valid JSON").doesNotContain("\tat ");
    }

    @Test
    void helpDocumentsEveryCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("encode --schema").contains("match <A.json>")
                .contains("evaluate").contains("--solver").contains("--range");
    }
}
