package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ishenim.IshenimApplication;
import org.ishenim.testing.Http;
import org.ishenim.web.ClinicZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13's "Done when", as the README's demo runs it (docs/indicators.md, "Demo: from the clinic to the national
 * page"): the demo hub ({@code demo-hub} profile) and the demo clinic ({@code demo} profile), each a full application
 * on its own port and database, with nothing configured between them but the hub's address. The clinic manager signs
 * in, freezes and sends last month's report; the hub confirms it; the analyst signs in on the hub and sees national
 * coverage with its range, retention and dose adequacy in English, Russian and Kyrgyz, with no table cell from 1 to
 * 10 and suppressed cells marked, then downloads the DHIS2 JSON, the ADX file and the FHIR MeasureReports and parses
 * each.
 */
class DemoEndToEndTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String MARKED = "[c]";
    /** The demo hub's synthetic sites (application-demo.properties), and the demo clinic. */
    static final int SITES = 7 + 1;

    static Path dir;
    static ConfigurableApplicationContext hub;
    static ConfigurableApplicationContext clinic;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("ishenim-demo");
        int hubPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            hubPort = socket.getLocalPort();
        }
        // the README's two commands, with a random port, a temporary data directory and fewer demo clients
        hub = new SpringApplicationBuilder(IshenimApplication.class).profiles("test", "demo-hub")
                .run("--server.port=" + hubPort, "--ishenim.data-dir=" + dir.resolve("hub"));
        clinic = new SpringApplicationBuilder(IshenimApplication.class).profiles("test", "demo")
                .run("--server.port=0", "--ishenim.data-dir=" + dir.resolve("clinic"), "--ishenim.demo.clients=40",
                        "--ishenim.demo.hub-url=http://localhost:" + hubPort);
    }

    @AfterAll
    static void stop() {
        for (var context : new ConfigurableApplicationContext[] {clinic, hub}) {
            if (context != null) {
                context.close();
            }
        }
    }

    @Test
    void theManagerSendsLastMonthAndTheAnalystSeesAndDownloadsTheNationalFigures() throws Exception {
        YearMonth month = YearMonth.now(clinic.getBean(Clock.class).withZone(clinic.getBean(ClinicZone.class).id()))
                .minusMonths(1);

        // the clinic manager freezes and sends last month's report (the form's default month)
        Http.Session manager = new Http(port(clinic)).signIn("manager", "demo");
        String page = manager.get("/indicators").body();
        assertThat(page).contains("name=\"reportMonth\"").contains("value=\"" + month + "\"");
        Http.Response sent = manager.postForm("/indicators/reports", Map.of("reportMonth", month.toString()));
        assertThat(sent.status()).isEqualTo(302);
        clinic.getBean(MonthlyReportSender.class).awaitBackground();
        String reports = manager.get("/indicators?lang=en").body();
        assertThat(row(reports, "report-" + month + "-v1")).contains("Sent and confirmed by the hub");

        // the hub holds the demo clinic's report, which counts its clients (consenting ones; the rest left out)
        assertThat(JdbcClient.create(hub.getBean(DataSource.class)).sql("""
                SELECT counted + without_consent FROM hub_monthly_report WHERE site_code = 'demo-clinic' AND report_month = :m
                """).param("m", month.toString()).query(Integer.class).single()).isEqualTo(40);

        // the analyst on the hub: the demo clinic's report with the other sites', in three languages
        Http.Session analyst = new Http(port(hub)).signIn("analyst", "demo");
        String en = analyst.get("/national-indicators?month=" + month + "&lang=en").body();
        assertThat(en).contains("National indicators").contains(SITES + " clinics reported for " + month)
                .contains("id=\"national-coverage\"").contains("Clients on treatment nationally:")
                .contains("id=\"national-ind13\"").contains("Retention at six months by region")
                .contains("id=\"national-ind14\"").contains("Adequate dose by region").contains("<svg")
                .contains(MARKED);
        long[] range = rangeOf(en);
        assertThat(range).as("coverage with its range").isNotNull();
        // the estimate lies in its range; clients without the duplicate-check consent (N) widen it below
        assertThat(range[0]).isGreaterThan(10).isGreaterThanOrEqualTo(range[1]).isLessThanOrEqualTo(range[2]);
        assertThat(en).as("every region published, with small cells suppressed").contains("<th scope=\"row\">bishkek")
                .contains("<th scope=\"row\">chui").contains("<th scope=\"row\">osh")
                .contains("<th scope=\"row\">jalal-abad");
        assertThat(NationalIndicatorsTest.numbersInCells(en)).as("table cells").isNotEmpty().anyMatch(n -> n > 10)
                .noneMatch(NationalIndicatorsTest::small);
        String ru = analyst.get("/national-indicators?month=" + month + "&lang=ru").body();
        assertThat(ru).contains("Национальные индикаторы").contains("Клиентов на лечении по стране:")
                .contains("Удержание через шесть месяцев по регионам").contains("Адекватная доза по регионам")
                .contains(MARKED);
        assertThat(NationalIndicatorsTest.numbersInCells(ru)).isNotEmpty().noneMatch(NationalIndicatorsTest::small);
        String ky = analyst.get("/national-indicators?month=" + month + "&lang=ky").body();
        assertThat(ky).contains("Улуттук көрсөткүчтөр").contains("Өлкө боюнча дарылануудагы кардарлар:")
                .contains("Аймактар боюнча алты айдан кийин кармалуу").contains("Аймактар боюнча жетиштүү доза")
                .contains(MARKED);
        assertThat(NationalIndicatorsTest.numbersInCells(ky)).isNotEmpty().noneMatch(NationalIndicatorsTest::small);

        // the downloads, each parsed
        String download = "/national-indicators/download?month=" + month + "&format=";
        JsonNode dhis2 = JSON.readTree(bytes(analyst, download + "dhis2"));
        assertThat(dhis2.get("period").stringValue()).isEqualTo(month.toString().replace("-", ""));
        List<Long> dhis2Values = new ArrayList<>();
        List<String> units = new ArrayList<>();
        dhis2.get("dataValues").forEach(v -> {
            dhis2Values.add(Long.parseLong(v.get("value").stringValue()));
            units.add(v.get("orgUnit").stringValue());
        });
        assertThat(units).contains("KG");
        assertThat(dhis2Values).isNotEmpty().noneMatch(NationalIndicatorsTest::small);

        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document adx = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes(analyst, download + "adx")));
        assertThat(adx.getDocumentElement().getNamespaceURI()).isEqualTo("urn:ihe:qrph:adx:2015");
        assertThat(adx.getDocumentElement().getLocalName()).isEqualTo("adx");
        NodeList values = adx.getElementsByTagNameNS("urn:ihe:qrph:adx:2015", "dataValue");
        assertThat(values.getLength()).isPositive();
        for (int i = 0; i < values.getLength(); i++) {
            String value = ((Element) values.item(i)).getAttribute("value");
            assertThat(NationalIndicatorsTest.small(Long.parseLong(value))).as("ADX value").isFalse();
        }

        List<String> files = new ArrayList<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes(analyst, download + "fhir")))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.add(e.getName());
                JsonNode report = JSON.readTree(zip.readAllBytes());
                assertThat(report.get("resourceType").stringValue()).isEqualTo("MeasureReport");
                for (Long count : NationalIndicatorsTest.numbers(report.toString(), "\"count\"\\s*:\\s*(\\d+)")) {
                    assertThat(NationalIndicatorsTest.small(count)).as(e.getName()).isFalse();
                }
            }
        }
        String period = month.toString().replace("-", "");
        assertThat(files).contains("IND11-KG-" + period + ".json", "IND13-KG-" + period + ".json",
                "IND14-KG-" + period + ".json");
        // the PDF brief in each language: its national table lines hold no count from 1 to 10
        for (String lang : List.of("en", "ru", "ky")) {
            String brief = NationalExportsTest.pdfText(bytes(analyst, download + "pdf&lang=" + lang));
            assertThat(NationalExportsTest.oneLine(brief)).contains(month.toString(), MARKED);
            List<String> national = NationalExportsTest.tableLines(brief, "(KG)");
            assertThat(national).as(lang).isNotEmpty();
            NationalExportsTest.assertNoSmallCount(national);
        }
        assertThat(NationalExportsTest.pdfText(bytes(analyst, download + "pdf&lang=ky"))).contains("Улуттук көрсөткүчтөр");
    }

    /** "Clients on treatment nationally: U (range L to H)." as {U, L, H}, or null when the page shows no range. */
    static long[] rangeOf(String html) {
        Matcher m = Pattern.compile("Clients on treatment nationally: ([\\d,]+) \\(range ([\\d,]+) to ([\\d,]+)\\)")
                .matcher(html);
        return m.find() ? new long[] {whole(m.group(1)), whole(m.group(2)), whole(m.group(3))} : null;
    }

    /** A whole number as the English page writes it (1,315). */
    static long whole(String text) {
        return Long.parseLong(text.replace(",", ""));
    }

    static String row(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    static byte[] bytes(Http.Session session, String path) throws Exception {
        HttpResponse<byte[]> response = session.getBytes(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
