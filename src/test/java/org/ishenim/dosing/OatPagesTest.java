package org.ishenim.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.UUID;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientRecords;
import org.ishenim.medicines.Medicine;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.Http;
import org.ishenim.testing.StaffFixture;
import org.ishenim.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Every OAT page renders in the three languages, and the forms do what the API does. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
class OatPagesTest {

    static final String METHADONE = Medicine.METHADONE_ORAL_10MG_ML.name();

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts staff;
    @Autowired
    ClientRecords clients;
    @Autowired
    MutableClock clock;
    @Autowired
    org.ishenim.audit.AuditLog audit;
    @Autowired
    org.ishenim.prescriptions.Prescribing prescribing;
    Http api;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-03-10T04:00:00Z"));
        StaffFixture.onePerRole(staff);
        api = new Http(port);
        OatFixture.receive(api, "main", METHADONE, "100000");
    }

    @Test
    void aNurseDosesFromTheQueueAndASecondAttemptIsRefused() throws Exception {
        ClientId c = OatFixture.client(clients);
        OatFixture.prescribe(api, c, METHADONE, "30", 2);
        String uic = clients.find(c).orElseThrow().uic().value();

        String queue = page(get("/dosing"), "nurse", "NURSE");
        assertThat(queue).contains(uic).contains("data-status=\"DUE\"");
        assertThat(page(post("/dosing/rows").param("query", uic.substring(0, 6).toLowerCase()).with(csrf()), "nurse", "NURSE")).contains(uic);
        String panel = page(get("/dosing/" + c.value()), "nurse", "NURSE");
        assertThat(panel).contains("id=\"proposed-dose\"").contains("30").contains("3 ml").contains("name=\"idempotencyKey\"");

        String key = UUID.randomUUID().toString();
        MvcResult done = mvc.perform(form(post("/dosing/" + c.value()), key, "30")
                .with(user("nurse").roles("NURSE")).with(csrf())).andReturn();
        assertThat(done.getResponse().getStatus()).isEqualTo(302);
        // a double submit of the same form records nothing new and is not an error
        assertThat(mvc.perform(form(post("/dosing/" + c.value()), key, "30").with(user("nurse").roles("NURSE")).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(page(get("/dosing"), "nurse", "NURSE")).contains("data-status=\"DOSED\"");

        MvcResult again = mvc.perform(form(post("/dosing/" + c.value()), UUID.randomUUID().toString(), "30")
                .with(user("nurse2").roles("NURSE")).with(csrf())).andReturn();
        assertThat(again.getResponse().getContentAsString()).contains("id=\"dose-problem\"").contains("nurse")
                .contains("2026-03-10 10:00").doesNotContain("T04:00");
        assertThat(mvc.perform(form(post("/dosing/" + c.value()), UUID.randomUUID().toString(), "30")
                .with(user("nurse").roles("NURSE"))).andReturn().getResponse().getStatus()).isEqualTo(403);

        // the day's log lists the client, so the client's access record shows who read it
        assertThat(page(get("/reports/dosing").param("format", "csv"), "manager", "MANAGER")).contains(uic);
        assertThat(audit.accessesTo(c.value())).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("report.dosing-log");
            assertThat(a.actor()).isEqualTo("manager");
        });
    }

    @Test
    void aNurseRecordsReturnedTakeHomeBottlesOnThePanel() throws Exception {
        ClientId c = OatFixture.client(clients);
        OatFixture.prescribe(api, c, METHADONE, "30", 2);
        MvcResult dosed = mvc.perform(form(post("/dosing/" + c.value()), UUID.randomUUID().toString(), "30")
                .param("takeHomeDays", "2").param("bottlesGiven", "2")
                .with(user("nurse").roles("NURSE")).with(csrf())).andReturn();
        assertThat(dosed.getResponse().getStatus()).as(dosed.getResponse().getContentAsString()).isEqualTo(302);
        String panel = page(get("/dosing/" + c.value()).param("lang", "ru"), "nurse", "NURSE");
        assertThat(panel).contains("id=\"bottle-returns\"").contains("Записать возврат флаконов");
        String dispensingId = panel.replaceAll("(?s).*name=\"dispensingId\" value=\"([0-9a-f-]{36})\".*", "$1");

        MvcResult tooMany = mvc.perform(post("/dosing/" + c.value() + "/returns").param("dispensingId", dispensingId)
                .param("bottles", "3").param("lang", "ru").with(user("nurse").roles("NURSE")).with(csrf())).andReturn();
        assertThat(tooMany.getResponse().getContentAsString()).contains("id=\"dose-problem\"")
                .contains("Возвращено больше флаконов");
        MvcResult ok = mvc.perform(post("/dosing/" + c.value() + "/returns").param("dispensingId", dispensingId)
                .param("bottles", "2").with(user("nurse").roles("NURSE")).with(csrf())).andReturn();
        assertThat(ok.getResponse().getStatus()).isEqualTo(302);
        assertThat(page(get("/dosing/" + c.value()), "nurse", "NURSE")).doesNotContain("id=\"bottle-returns\"");
        // the client's access log says what happened in the reader's language, codes and all
        assertThat(page(get("/clients/" + c.value()).param("lang", "ru"), "nurse", "NURSE"))
                .contains("с выдачей на дом на 2 дн.").doesNotContain("TAKE_HOME").contains("aria-label=\"Главное меню\"")
                // enrolled at 04:00 UTC: shown as 10:00, the clinic's time in Bishkek
                .contains("2026-03-10 10:00").doesNotContain("2026-03-10 04:00");
        assertThat(page(get("/clients/" + c.value()).param("lang", "ky"), "nurse", "NURSE"))
                .contains("үйгө 2 күнгө берилди");
        assertThat(mvc.perform(post("/dosing/" + c.value() + "/returns").param("dispensingId", dispensingId)
                .param("bottles", "1").with(user("doctor").roles("DOCTOR")).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    /** An address under client A acts only on A's records: B's prescription or dispensing there is not found. */
    @Test
    void anAddressUnderOneClientRefusesAnotherClientsPrescriptionOrDispensing() throws Exception {
        ClientId a = OatFixture.client(clients);
        ClientId b = OatFixture.client(clients);
        OatFixture.prescribe(api, a, METHADONE, "30", 2);
        String ofB = OatFixture.prescribe(api, b, METHADONE, "30", 2);
        String underA = "/prescriptions/client/" + a.value() + "/" + ofB;
        for (var request : java.util.List.of(post(underA + "/end").param("reason", "ended under the wrong client"),
                post(underA + "/versions").param("doseMg", "35").param("reason", "changed under the wrong client"),
                post(underA + "/countersignature"))) {
            var r = mvc.perform(request.with(user("doctor2").roles("DOCTOR")).with(csrf())).andReturn();
            assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(404);
        }
        var activeOfB = prescribing.active(b).orElseThrow();
        assertThat(activeOfB.id().value().toString()).isEqualTo(ofB);
        assertThat(activeOfB.pending()).isNull();
        assertThat(activeOfB.current().version()).isEqualTo(1);

        assertThat(mvc.perform(form(post("/dosing/" + b.value()), UUID.randomUUID().toString(), "30")
                .param("takeHomeDays", "2").param("bottlesGiven", "2").with(user("nurse").roles("NURSE")).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
        String dispensingOfB = page(get("/dosing/" + b.value()), "nurse", "NURSE")
                .replaceAll("(?s).*name=\"dispensingId\" value=\"([0-9a-f-]{36})\".*", "$1");
        var wrong = mvc.perform(post("/dosing/" + a.value() + "/returns").param("dispensingId", dispensingOfB)
                .param("bottles", "1").with(user("nurse").roles("NURSE")).with(csrf())).andReturn();
        assertThat(wrong.getResponse().getStatus()).isEqualTo(404);
        assertThat(page(get("/dosing/" + b.value()), "nurse", "NURSE")).contains("id=\"bottle-returns\"");
    }

    @Test
    void doctorsPrescribeAndChangeDosesOnThePrescriptionPage() throws Exception {
        ClientId c = OatFixture.client(clients);
        String path = "/prescriptions/client/" + c.value();
        assertThat(page(get(path), "doctor", "DOCTOR")).contains("name=\"medicine\"");
        var refused = mvc.perform(post(path).param("medicine", METHADONE).param("doseMg", "40")
                .with(user("doctor").roles("DOCTOR")).with(csrf())).andReturn();
        assertThat(refused.getResponse().getContentAsString()).contains("id=\"prescription-problem\"");
        var ok = mvc.perform(post(path).param("medicine", METHADONE).param("doseMg", "25")
                .with(user("doctor").roles("DOCTOR")).with(csrf())).andReturn();
        assertThat(ok.getResponse().getStatus()).isEqualTo(302);
        assertThat(page(get(path), "nurse", "NURSE")).contains("id=\"current-dose\"").contains("25 mg");
        assertThat(page(get(path).param("lang", "ru"), "doctor", "DOCTOR")).contains("Назначения");
        assertThat(page(get(path).param("lang", "ky"), "doctor", "DOCTOR")).contains("Дайындоолор");
    }

    @Test
    void stockPagesRecordEachEntryKindAndReportsRenderInEveryFormat() throws Exception {
        assertThat(page(get("/stock"), "pharmacist", "PHARMACIST")).contains("id=\"receipt-form\"");
        var receipt = mvc.perform(post("/stock/receipts").param("site", "main").param("medicine", METHADONE)
                .param("amountMg", "5000").param("supplier", "Republican pharmacy").param("batch", "B-9")
                .with(user("pharmacist").roles("PHARMACIST")).with(csrf())).andReturn();
        assertThat(receipt.getResponse().getStatus()).isEqualTo(302);
        var waste = mvc.perform(post("/stock/waste").param("site", "main").param("medicine", METHADONE)
                .param("amountMg", "10").param("reason", "spilled").param("witness", "pharmacist")
                .with(user("pharmacist").roles("PHARMACIST")).with(csrf())).andReturn();
        assertThat(waste.getResponse().getContentAsString()).contains("id=\"stock-problem\"");
        assertThat(mvc.perform(post("/stock/waste").param("site", "main").param("medicine", METHADONE)
                .param("amountMg", "10").param("reason", "spilled").param("witness", "nurse")
                .with(user("pharmacist").roles("PHARMACIST")).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(mvc.perform(post("/stock/transfers").param("site", "main").param("toSite", "east").param("medicine", METHADONE)
                .param("amountMg", "100").with(user("pharmacist").roles("PHARMACIST")).with(csrf())).andReturn()
                .getResponse().getStatus()).isEqualTo(302);
        assertThat(mvc.perform(post("/stock/counts").param("site", "main").param("medicine", METHADONE)
                .param("countedMg", "1").with(user("pharmacist").roles("PHARMACIST")).with(csrf())).andReturn()
                .getResponse().getStatus()).isEqualTo(302);
        assertThat(page(get("/stock"), "manager", "MANAGER")).contains("Sign off");
        // a manager names the clinic's sites
        String code = "pages-" + Long.toHexString(System.nanoTime() & 0xffff);
        assertThat(mvc.perform(post("/stock/sites").param("code", code).param("name", "Ош шаары")
                .with(user("manager").roles("MANAGER")).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(page(get("/stock").param("lang", "ky"), "manager", "MANAGER")).contains("id=\"sites\"")
                .contains("Пункт кошуу").contains("Ош шаары");
        assertThat(page(get("/stock"), "pharmacist", "PHARMACIST")).doesNotContain("id=\"sites\"");
        assertThat(mvc.perform(post("/stock/sites").param("code", "x-" + code).param("name", "x")
                .with(user("pharmacist").roles("PHARMACIST")).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);

        assertThat(page(get("/reports"), "manager", "MANAGER")).contains("/reports/no-shows");
        assertThat(page(get("/reports/stock").param("month", "2026-03"), "manager", "MANAGER"))
                .contains("id=\"stock-report\"").contains("notice ok");
        assertThat(page(get("/reports/stock").param("month", "2026-03").param("lang", "ru"), "manager", "MANAGER"))
                .contains("Начальный остаток");
        assertThat(page(get("/reports/dosing"), "manager", "MANAGER")).contains("id=\"dosing-log\"");
        assertThat(page(get("/reports/no-shows").param("lang", "ky"), "manager", "MANAGER")).contains("Келбей калуулар");
        for (String path : new String[] {"/reports/stock", "/reports/dosing", "/reports/no-shows"}) {
            var csv = mvc.perform(get(path).param("format", "csv").with(user("manager").roles("MANAGER"))).andReturn();
            assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
            var pdf = mvc.perform(get(path).param("format", "pdf").with(user("manager").roles("MANAGER"))).andReturn();
            assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");
        }
        var csv = mvc.perform(get("/reports/stock").param("month", "2026-03").param("format", "csv")
                .with(user("manager").roles("MANAGER"))).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("Opening");
        // Other tests share this database, so check the arithmetic of the methadone row rather than fixed totals.
        String[] row = csv.lines().filter(l -> l.startsWith("Methadone")).findFirst().orElseThrow().split(",");
        long opening = Long.parseLong(row[1]), received = Long.parseLong(row[2]), dispensed = Long.parseLong(row[3]);
        long wasted = Long.parseLong(row[4]), in = Long.parseLong(row[5]), out = Long.parseLong(row[6]);
        assertThat(opening + received - dispensed - wasted + in - out).isEqualTo(Long.parseLong(row[7]));
        assertThat(received).isGreaterThanOrEqualTo(5000);
        assertThat(wasted).isGreaterThanOrEqualTo(10);
        assertThat(out).isGreaterThanOrEqualTo(100);
        assertThat(mvc.perform(get("/reports/stock").with(user("nurse").roles("NURSE"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void stockRefusalsAreInThePagesLanguage() throws Exception {
        var noReason = mvc.perform(post("/stock/waste").param("lang", "ru").param("site", "main").param("medicine", METHADONE)
                .param("amountMg", "10").param("reason", "").param("witness", "nurse")
                .with(user("pharmacist").roles("PHARMACIST")).with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(noReason).contains("Заполните все обязательные поля.").doesNotContain("invalid fields");
        var unknown = mvc.perform(post("/stock/entries/987654321/reversal").param("lang", "ky").param("site", "main")
                .param("reason", "x").with(user("pharmacist").roles("PHARMACIST")).with(csrf())).andReturn()
                .getResponse().getContentAsString();
        assertThat(unknown).contains("Мындай номердеги жазуу жок.").doesNotContain("No stock entry");
    }

    @Test
    void theQueueIsInThreeLanguages() throws Exception {
        assertThat(page(get("/dosing").param("lang", "ru"), "nurse", "NURSE")).contains("Выдача");
        assertThat(page(get("/dosing").param("lang", "ky"), "nurse", "NURSE")).contains("Берүү");
        // the dose the nurse reads, and its quantity, are in the page's language too
        ClientId c = OatFixture.client(clients);
        OatFixture.prescribe(api, c, METHADONE, "30", 0);
        assertThat(page(get("/dosing/" + c.value()).param("lang", "ru"), "nurse", "NURSE")).contains("30 мг").contains("(3 мл)");
        assertThat(page(get("/dosing").param("lang", "ky"), "nurse", "NURSE")).contains("30 мг");
        assertThat(page(get("/stock").param("lang", "ru"), "pharmacist", "PHARMACIST")).contains(" мл<").doesNotContain(" ml<");
        assertThat(page(get("/dosing/" + c.value()).param("lang", "en"), "nurse", "NURSE")).contains("30 mg").contains("(3 ml)");
        assertThat(page(get("/dosing").param("lang", "en"), "nurse", "NURSE")).contains("Dosing");
    }

    static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder b, String key, String dose) {
        return b.param("idempotencyKey", key).param("doseMg", dose).param("observed", "true").param("site", "main");
    }

    String page(MockHttpServletRequestBuilder request, String name, String role) throws Exception {
        var r = mvc.perform(request.with(user(name).roles(role))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        return r.getResponse().getContentAsString();
    }
}
