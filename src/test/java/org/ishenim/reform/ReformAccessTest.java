package org.ishenim.reform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.FormErrorMarkup;
import org.ishenim.testing.Http;
import org.ishenim.web.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Who may do what on the reform pages and API: analysts edit, viewers read, clinic staff see nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ishenim.role=hub")
@ActiveProfiles("test")
class ReformAccessTest {

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts staff;

    @BeforeEach
    void users() {
        for (var u : Map.of("ana", Roles.ANALYST, "vie", Roles.VIEWER, "doc", Roles.DOCTOR).entrySet()) {
            if (!staff.exists(u.getKey())) {
                staff.create(u.getKey(), u.getValue(), "pw-" + u.getKey(), true);
            }
        }
    }

    static byte[] demo() throws Exception {
        try (InputStream in = ReformAccessTest.class.getResourceAsStream("/reform/demo-sentences.csv")) {
            return in.readAllBytes();
        }
    }

    @Test
    void overTheApiViewersReadAndOnlyAnalystsImport() throws Exception {
        var http = new Http(port);
        String path = "/api/reform/countries/KG/sentences";

        assertThat(http.postFile("vie:pw-vie", path, "demo.csv", demo()).status()).isEqualTo(403);
        assertThat(http.postFile("doc:pw-doc", path, "demo.csv", demo()).status()).isEqualTo(403);
        assertThat(http.postFile(null, path, "demo.csv", demo()).status()).isEqualTo(401);
        var imported = http.postFile("ana:pw-ana", path, "demo.csv", demo());
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.body()).contains("\"imported\":true");

        var figures = http.get("vie:pw-vie", path + "/figures?year=2023");
        assertThat(figures.status()).isEqualTo(200);
        assertThat(figures.body()).contains("\"sentences\":111", "\"notDiagnosed\":22");
        assertThat(http.get("doc:pw-doc", path + "/figures").status()).isEqualTo(403);
        assertThat(http.get("vie:pw-vie", "/api/reform/countries/XX/sentences/figures").status()).isEqualTo(404);
    }

    @Test
    void aFileWithErrorsIsAnswered422OverTheApi() throws Exception {
        String bad = "case_reference,court,region,sentence_date,article,measure,expert_finding,treatment_months\n"
                + "Z-1,=cmd|' /C calc'!A0,Naryn,2023-01-01,Art. 1,compulsory_treatment,not_diagnosed,6\n";
        var response = new Http(port).postFile("ana:pw-ana", "/api/reform/countries/TJ/sentences", "bad.csv", bad.getBytes());
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("\"line\":2", "\"column\":\"court\"", "\"reason\":\"formula\"");
    }

    @Test
    void inTheUiAViewerReadsButCannotEdit() throws Exception {
        var viewer = new Http(port).signIn("vie", "pw-vie");
        assertThat(viewer.get("/reform").status()).isEqualTo(200);
        assertThat(viewer.get("/reform/countries/KG").status()).isEqualTo(200);
        assertThat(viewer.get("/reform/countries/KG/visits").body()).doesNotContain("/reform/countries/KG/visits\" method=\"post\"");
        String token = viewer.csrf("/reform/countries/KG");
        assertThat(viewer.get("/reform/countries/KG/sentences/import").status()).isEqualTo(403);
        assertThat(viewer.postForm("/reform/countries/KG/visits", Map.of("_csrf", token, "title", "x",
                "startsOn", "2024-01-01", "endsOn", "2024-01-02")).status()).isEqualTo(403);
        assertThat(viewer.postForm("/reform/guidelines", Map.of("_csrf", token, "id", "X-1", "theme", "oat",
                "text", "x")).status()).isEqualTo(403);
        assertThat(viewer.postFile("/reform/countries/KG/sentences/import?_csrf=" + token, "demo.csv", demo()).status())
                .isEqualTo(403);

        var analyst = new Http(port).signIn("ana", "pw-ana");
        String analystToken = analyst.csrf("/reform/countries/KG");
        var saved = analyst.postForm("/reform/countries/KG/visits", Map.of("_csrf", analystToken, "title",
                "Working visit", "startsOn", "2024-01-01", "endsOn", "2024-01-02"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(viewer.get("/reform/countries/KG/visits").body()).contains("Working visit");

        // a commitment corrected on the page keeps its earlier wording in its history
        String visitsPage = analyst.get("/reform/countries/KG/visits").body();
        String visitId = visitsPage.replaceAll("(?s).*?/reform/visits/([0-9a-f-]{36})/commitments.*", "$1");
        assertThat(analyst.postForm("/reform/visits/" + visitId + "/commitments", Map.of("_csrf", analystToken,
                "text", "Repeal registraton", "owner", "Parliament", "dueOn", "2024-12-31")).status()).isEqualTo(302);
        String withCommitment = analyst.get("/reform/countries/KG/visits").body();
        String commitmentId = withCommitment.replaceAll("(?s).*?/reform/commitments/([0-9a-f-]{36})/correction.*", "$1");
        assertThat(viewer.postForm("/reform/commitments/" + commitmentId + "/correction", Map.of("_csrf", token,
                "text", "x", "owner", "x")).status()).isEqualTo(403);
        assertThat(analyst.postForm("/reform/commitments/" + commitmentId + "/correction", Map.of("_csrf", analystToken,
                "text", "Repeal registration", "owner", "Parliament", "dueOn", "2024-12-31")).status()).isEqualTo(302);
        // a due date the server cannot read is refused, not taken as "no due date"
        analyst.postForm("/reform/commitments/" + commitmentId + "/correction", Map.of("_csrf", analystToken,
                "text", "Repeal registration", "owner", "Parliament", "dueOn", "31.12.2024"));
        assertThat(viewer.get("/reform/countries/KG/visits").body()).contains("2024-12-31");
        String after = viewer.get("/reform/countries/KG/visits?lang=ky").body();
        assertThat(after).contains("Repeal registration").contains("Repeal registraton").contains("class=\"commitment-history\"")
                .doesNotContain("/reform/commitments/" + commitmentId + "/correction");
    }

    @Test
    void anAnalystCorrectsAProvisionOnItsPageAndAViewerCannot() throws Exception {
        var analyst = new Http(port).signIn("ana", "pw-ana");
        String token = analyst.csrf("/reform/countries/KG/provisions");
        var added = analyst.postForm("/reform/countries/KG/provisions", Map.of("_csrf", token, "law", "Criminal Code",
                "article", "Art. 9O", "quotedText", "Compulsory treatment may be ordered.", "recommendationId", "CT-1",
                "relation", "CONTRADICTS", "status", "NOT_STARTED"));
        assertThat(added.status()).isEqualTo(302);
        String page = added.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
        assertThat(analyst.get(page + "?lang=ru").body()).contains("Исправить норму").contains("id=\"correction-form\"");

        var viewer = new Http(port).signIn("vie", "pw-vie");
        assertThat(viewer.get(page).body()).doesNotContain("id=\"correction-form\"");
        assertThat(viewer.postForm(page + "/correction", Map.of("_csrf", viewer.csrf(page), "law", "x", "article", "x",
                "quotedText", "x", "recommendationId", "CT-1", "relation", "MEETS", "reason", "x")).status())
                .isEqualTo(403);

        var corrected = analyst.postForm(page + "/correction", Map.of("_csrf", analyst.csrf(page), "law", "Criminal Code",
                "article", "Art. 90", "quotedText", "Compulsory treatment may be ordered.", "recommendationId", "CT-1",
                "relation", "CONTRADICTS", "reason", "letter O typed for zero"));
        assertThat(corrected.status()).isEqualTo(302);
        String after = viewer.get(page + "?lang=ky").body();
        assertThat(after).contains("Criminal Code, Art. 90").contains("id=\"corrections\"").contains("Art. 9O")
                .contains("letter O typed for zero").contains("Оңдоолор");
    }

    @Test
    void aFormErrorIsShownThroughTheSharedFragmentOnTheProvisionsAndGuidelinesPages() throws Exception {
        var analyst = new Http(port).signIn("ana", "pw-ana");
        String token = analyst.csrf("/reform/countries/KG/provisions");
        // shown again at once: the notice, each field's message in Russian, the typed values kept
        var refused = analyst.postForm("/reform/countries/KG/provisions?lang=ru", Map.of("_csrf", token,
                "law", " ", "article", "Art. 77-x", "quotedText", "Kept quoted text", "link", "ftp://example.org/x",
                "recommendationId", "CT-1", "relation", "MEETS", "status", "NOT_STARTED"));
        assertThat(refused.status()).isEqualTo(200);
        String page = refused.body();
        assertThat(page).contains("id=\"form-errors\"").contains("Исправьте отмеченные поля.")
                .contains("value=\"Art. 77-x\"").contains("Kept quoted text");
        FormErrorMarkup.assertFieldError(page, "law", "Обязательное поле.");
        FormErrorMarkup.assertFieldError(page, "link", "Укажите адрес http или https.");
        FormErrorMarkup.assertNoFieldError(page, "article");

        // after a redirect: the same fragment, from a flash attribute, once, and nothing in the address
        var bad = analyst.postForm("/reform/guidelines?lang=en", Map.of("_csrf", token, "id", "no spaces allowed",
                "theme", "oat", "text", "A recommendation"));
        assertThat(bad.status()).isEqualTo(302);
        assertThat(bad.headers().firstValue("Location").orElseThrow()).endsWith("/reform/guidelines");
        String guidelines = analyst.get("/reform/guidelines?lang=en").body();
        FormErrorMarkup.assertFieldError(guidelines, "id", "Use 1-20 letters, digits, dots, dashes or underscores.");
        assertThat(guidelines).contains("Please correct the marked fields.");
        assertThat(analyst.get("/reform/guidelines?lang=en").body()).doesNotContain("id=\"form-errors\"")
                .doesNotContain("id=\"error-id\"");
    }

    @Test
    void clinicStaffCannotSeeReformPages() throws Exception {
        var doctor = new Http(port).signIn("doc", "pw-doc");
        assertThat(doctor.get("/reform").status()).isEqualTo(403);
        assertThat(doctor.get("/reform/countries/KG/brief.pdf").status()).isEqualTo(403);
    }
}
