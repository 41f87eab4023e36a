package org.ishenim.linkage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds test data: the copies under {@code src/test/resources/linkage}. The project reads nothing outside itself. */
final class TestData {

    private TestData() {
    }

    static Path resource(String name) {
        URL url = TestData.class.getResource("/linkage/" + name);
        if (url != null) {
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("test data not found under src/test/resources/linkage: " + name);
    }

    static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code secret} and {@code clks} from a clkhash vector file. */
    static String vectorSecret(String json) {
        Matcher m = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("vector file has no secret");
        }
        return m.group(1);
    }

    static List<String> vectorClks(String json) {
        int start = json.indexOf("\"clks\"");
        Matcher m = Pattern.compile("\"([A-Za-z0-9+/=]{16,})\"").matcher(json.substring(start));
        List<String> clks = new ArrayList<>();
        while (m.find()) {
            clks.add(m.group(1));
        }
        return clks;
    }
}
