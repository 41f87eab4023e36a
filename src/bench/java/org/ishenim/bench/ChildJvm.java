package org.ishenim.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines that run Ishenim in a child JVM, for the benchmark and the crash-safety run. */
final class ChildJvm {

    static final Path JAR = Path.of("target/ishenim.jar");

    private ChildJvm() {
    }

    /**
     * {@code java}, the JVM options, then the built jar (when {@code preferJar} and it exists, as in production) or
     * the test class path, then Ishenim's own arguments.
     */
    static List<String> ishenim(boolean preferJar, List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        if (preferJar && Files.exists(JAR)) {
            cmd.addAll(List.of("-jar", JAR.toString()));
        } else {
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.ishenim.IshenimApplication"));
        }
        cmd.addAll(args);
        return cmd;
    }

    /** The arguments that point Ishenim at a database and a data folder, with a generated master key. */
    static List<String> database(String url, String user, String password, Path data) {
        return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password, "--ishenim.data-dir=" + data,
                "--ishenim.master-key.generate=true");
    }

    /** Whitespace-separated words from an environment variable, for experiments; none when unset. */
    static List<String> fromEnvironment(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? List.of() : List.of(value.strip().split("\\s+"));
    }
}
