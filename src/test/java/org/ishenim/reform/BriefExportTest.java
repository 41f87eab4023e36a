package org.ishenim.reform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.ishenim.reform.guidelines.ProvisionText;
import org.ishenim.reform.guidelines.Provisions;
import org.ishenim.reform.guidelines.ProvisionStatus;
import org.ishenim.reform.guidelines.Relation;
import org.ishenim.reform.registry.Registry;
import org.ishenim.reform.sentences.SentenceImport;
import org.ishenim.reform.visits.Visits;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.Http;
import org.ishenim.web.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The country brief: the PDF opens, prints in Russian and Kyrgyz, and carries the country's figures; so does the CSV. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ishenim.role=hub")
@ActiveProfiles("test")
class BriefExportTest {

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts staff;
    @Autowired
    SentenceImport sentences;
    @Autowired
    Registry registry;
    @Autowired
    Provisions provisions;
    @Autowired
    Visits visits;

    @BeforeEach
    void data() {
        if (!staff.exists("brief-viewer")) {
            staff.create("brief-viewer", Roles.VIEWER, "pw-viewer", true);
            Country kg = Country.KYRGYZSTAN;
            sentences.importFile(kg, "demo.csv", DemoReform.demoSentences(), false, true);
            registry.importFile(kg, "registry.csv", DemoReform.demoRegistry(), false, true);
            registry.setOat(kg, 2023, 1230, true);
            provisions.add(kg, new ProvisionText("Law on narcotic drugs", "Art. 30", "Registration of persons who use drugs.",
                    null, "REG-1", Relation.CONTRADICTS), ProvisionStatus.DRAFTED, "draft", null);
            var visit = visits.addVisit(kg, "Second official visit", LocalDate.of(2023, 6, 19),
                    LocalDate.of(2023, 6, 21), null);
            visits.addCommitment(visit, "Expertise to amend the law to abolish the registry", "ECECACD",
                    LocalDate.of(2024, 6, 30));
        }
    }

    String pdfText(String lang) throws Exception {
        var viewer = new Http(port).signIn("brief-viewer", "pw-viewer");
        var response = viewer.getBytes("/reform/countries/KG/brief.pdf?lang=" + lang);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        byte[] pdf = response.body();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        var reader = new PdfReader(pdf);
        try {
            var extractor = new PdfTextExtractor(reader);
            var text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    @Test
    void theRussianBriefCarriesTheCountrysFigures() throws Exception {
        String text = pdfText("ru");
        assertThat(text).contains("Справка по стране", "Кыргызстан", "Синтетические данные");
        assertThat(text).contains("111", "22 (19.8%)", "Bishkek", "Art. 283");
        assertThat(text).contains("8548", "1230"); // registry and OAT in 2023
        assertThat(text).contains("REG-1", "изменение в процессе", "Упразднить государственный наркологический");
        assertThat(text).contains("Expertise to amend the law to abolish the registry", "просрочено");
    }

    @Test
    void theKyrgyzBriefPrintsKyrgyzLetters() throws Exception {
        String text = pdfText("ky");
        assertThat(text).contains("Өлкө боюнча маалымкат", "Кыргызстан", "өкүмдөр");
    }

    @Test
    void theCsvExportHasTheFiguresAndNoFormulas() throws Exception {
        var viewer = new Http(port).signIn("brief-viewer", "pw-viewer");
        var csv = viewer.get("/reform/countries/KG/export.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("country,section,year,group,indicator,value")
                .contains("KG,sentences,2023,all,sentences,111", "KG,sentences,2023,all,not_diagnosed,22",
                        "KG,sentences,2023,all,share_not_diagnosed,0.1982", "KG,registry,2023,all,on_oat,1230",
                        "KG,guidelines,,REG-1,compliance,in_progress");
        assertThat(csv.body().lines()).noneMatch(l -> l.contains(",=") || l.contains(",+") || l.contains(",@"));
    }

    @Test
    void theDashboardShowsTheShareWithoutADiagnosis() throws Exception {
        var viewer = new Http(port).signIn("brief-viewer", "pw-viewer");
        String page = viewer.get("/reform/countries/KG?lang=en").body();
        assertThat(page).contains("id=\"dashboard-share\">19.8%<", "<svg", "Synthetic data");
        assertThat(page).doesNotContain("??");
    }
}
