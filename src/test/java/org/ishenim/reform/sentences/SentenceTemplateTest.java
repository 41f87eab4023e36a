package org.ishenim.reform.sentences;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.ishenim.reform.Country;
import org.ishenim.reform.TabularFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped template and the case-reference key. */
class SentenceTemplateTest {

    @Test
    void theCsvTemplateHasEveryColumnAndTheXlsxOneReadsTheSame() throws Exception {
        TabularFile csv = TabularFile.csv(SentenceTemplate.csv());
        assertThat(csv.lines().get(0).cells()).containsExactlyElementsOf(SentenceTemplate.COLUMNS);
        TabularFile xlsx = TabularFile.xlsx(SentenceTemplate.xlsx());
        assertThat(xlsx.lines()).extracting(TabularFile.Line::cells)
                .containsExactlyElementsOf(csv.lines().stream().map(l -> l.cells()).toList());
    }

    @Test
    void theKeyIsGeneratedOnceAndKeyedHashesDependOnIt(@TempDir Path dir) throws Exception {
        var key = new CaseKey("", dir.toString());
        String h = key.hash(Country.KYRGYZSTAN, " 1-234/23 ");
        assertThat(h).matches("[0-9a-f]{64}").isEqualTo(key.hash(Country.KYRGYZSTAN, "1-234/23"));
        assertThat(new CaseKey("", dir.toString()).hash(Country.KYRGYZSTAN, "1-234/23")).isEqualTo(h);
        assertThat(Files.readString(dir.resolve("reform-case.key"))).doesNotContain("1-234");
        assertThat(key.hash(new Country("KZ"), "1-234/23")).isNotEqualTo(h);

        String other = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(new CaseKey(other, dir.toString()).hash(Country.KYRGYZSTAN, "1-234/23")).isNotEqualTo(h);
    }
}
