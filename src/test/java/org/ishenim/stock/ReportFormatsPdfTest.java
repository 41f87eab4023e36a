package org.ishenim.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stock and dosing reports' PDF prints Russian and Kyrgyz with the embedded font ({@code web.PdfFonts}), whatever
 * fonts the machine has: before, it looked for DejaVu Sans or Arial on the disk and fell back to Helvetica, which has
 * no Cyrillic and printed a Russian report as blanks.
 */
class ReportFormatsPdfTest {

    @Test
    void aRussianAndKyrgyzReportPrintsItsLettersAndEmbedsItsFont() throws Exception {
        byte[] pdf = ReportFormats.pdf("Журнал учёта: метадон", List.of("Дата", "Өзгөрүү", "Калдык"),
                List.of(List.of("2026-11-30", "ңөү приход", "1200")));
        var reader = new PdfReader(pdf);
        try {
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains("Журнал учёта: метадон", "Өзгөрүү", "ңөү приход", "1200");
            assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("LiberationSans");
        } finally {
            reader.close();
        }
    }
}
