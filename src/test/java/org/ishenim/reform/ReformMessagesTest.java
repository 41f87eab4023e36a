package org.ishenim.reform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The English import reports agree in number: "1 problem", "2 problems". */
class ReformMessagesTest {

    static String format(String key, Object... args) throws Exception {
        var p = new Properties();
        try (var in = ReformMessagesTest.class.getResourceAsStream("/i18n/reform/messages.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new MessageFormat(p.getProperty(key), Locale.ENGLISH).format(args);
    }

    @Test
    void importReportsUseSingularAndPlural() throws Exception {
        assertThat(format("reform.import.refused", 1, 0)).startsWith("Nothing was imported: 1 problem found (0 rows were valid).");
        assertThat(format("reform.import.refused", 5, 1)).startsWith("Nothing was imported: 5 problems found (1 row was valid).");
        assertThat(format("reform.import.refused", 3, 2)).contains("(2 rows were valid)").contains("\"import the valid rows\"");
        assertThat(format("reform.registry.refused", 1)).isEqualTo("Nothing was imported: 1 problem found.");
        assertThat(format("reform.import.done", 111, 0, 1)).isEqualTo("111 sentences added, 0 already present, 1 row rejected.");
        assertThat(format("reform.import.done", 1, 2, 0)).isEqualTo("1 sentence added, 2 already present, 0 rows rejected.");
    }
}
