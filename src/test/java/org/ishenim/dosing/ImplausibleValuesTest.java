package org.ishenim.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientRecords;
import org.ishenim.medicines.Medicine;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.Http;
import org.ishenim.testing.StaffFixture;
import org.ishenim.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.ishenim.testing.BothDatabases;

/**
 * Finding 10 of the security campaign: implausible dates and amounts are refused with a 400 naming the field, on
 * the API and on the page forms, and nothing is stored. The clinic's today is 2026-03-10; clinical dates run from
 * {@code ishenim.input.earliest-date} (2000-01-01) to {@code ishenim.input.max-days-ahead} (366) days ahead, and a
 * stock movement is at most {@code ishenim.stock.max-movement-mg} (1,000,000 mg).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
@BothDatabases
class ImplausibleValuesTest {

    static final String METHADONE = Medicine.METHADONE_ORAL_10MG_ML.name();
    static final String BUPRENORPHINE = Medicine.BUPRENORPHINE_SL_2MG.name();

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
    JdbcClient db;
    Http api;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-03-10T04:00:00Z"));
        StaffFixture.onePerRole(staff);
        api = new Http(port);
        OatFixture.receive(api, "main", METHADONE, "100000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01", "1999-12-31", "2027-03-12", "+10000-01-01"})
    void aPrescriptionStartingLongAgoOrFarAheadIsRefusedNamingTheField(String startOn) {
        ClientId c = OatFixture.client(clients);
        var r = api.post("doctor", "/api/v1/prescriptions", """
                {"clientId":"%s","medicine":"%s","dailyDoseMg":"30","startOn":"%s"}
                """.formatted(c.value(), METHADONE, startOn));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("errors").has("startOn")).as(r.body()).isTrue();
        assertThat(r.body()).contains("urn:ishenim:problem:out-of-range");
        assertThat(prescriptions(c)).isZero();
    }

    @Test
    void theEdgesOfTheRangeAreAccepted() {
        ClientId first = OatFixture.client(clients);
        assertThat(api.post("doctor", "/api/v1/prescriptions", """
                {"clientId":"%s","medicine":"%s","dailyDoseMg":"30","startOn":"2027-03-11"}
                """.formatted(first.value(), METHADONE)).status()).isEqualTo(201);
        ClientId second = OatFixture.client(clients);
        assertThat(api.post("doctor", "/api/v1/prescriptions", """
                {"clientId":"%s","medicine":"%s","dailyDoseMg":"30","startOn":"2000-01-01","endOn":"2027-03-11"}
                """.formatted(second.value(), METHADONE)).status()).isEqualTo(201);
    }

    @Test
    void aPrescriptionEndingInYear10000IsRefused() {
        ClientId c = OatFixture.client(clients);
        var r = api.post("doctor", "/api/v1/prescriptions", """
                {"clientId":"%s","medicine":"%s","dailyDoseMg":"30","endOn":"+10000-01-01"}
                """.formatted(c.value(), METHADONE));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("errors").has("endOn")).isTrue();
    }

    @Test
    void anAbsenceInYear10000OrYear1IsRefused() {
        ClientId c = OatFixture.client(clients);
        OatFixture.prescribe(api, c, METHADONE, "30", 0);
        for (String day : new String[] {"+10000-01-01", "0001-01-01"}) {
            var r = api.post("nurse", "/api/v1/dosing/absences", """
                    {"clientId":"%s","day":"%s","reason":"travelling"}
                    """.formatted(c.value(), day));
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("errors").has("day")).isTrue();
        }
        assertThat(db.sql("SELECT COUNT(*) FROM absence_reason WHERE client_id = :c").param("c", c.value()).query(Integer.class).single()).isZero();
    }

    @Test
    void theDosingLogOfYear10000IsRefused() throws Exception {
        var r = mvc.perform(get("/reports/dosing").param("day", "+10000-01-01").with(user("manager").roles("MANAGER")))
                .andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(r.getResponse().getContentAsString()).contains("id=\"problem-fields\"").contains("day");
    }

    @Test
    void aStockReceiptOfTenBillionMgIsRefusedOnTheApi() {
        var r = api.post("pharmacist", "/api/v1/stock/receipts", """
                {"site":"main","medicine":"%s","amountMg":"10000000000","supplier":"Republican pharmacy","batch":"B-2"}
                """.formatted(METHADONE));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("errors").has("amountMg")).isTrue();
        assertThat(r.body()).contains("urn:ishenim:problem:out-of-range");
        assertThat(api.post("pharmacist", "/api/v1/stock/receipts", """
                {"site":"main","medicine":"%s","amountMg":"1000000","supplier":"Republican pharmacy","batch":"B-3"}
                """.formatted(METHADONE)).status()).isEqualTo(201);
    }

    @Test
    void everyStockMovementAndCountHasTheSameMaximum() {
        assertThat(api.post("pharmacist", "/api/v1/stock/waste", """
                {"site":"main","medicine":"%s","amountMg":"1000000.001","reason":"spilled","witness":"nurse"}
                """.formatted(METHADONE)).status()).isEqualTo(400);
        assertThat(api.post("pharmacist", "/api/v1/stock/transfers", """
                {"fromSite":"main","toSite":"east","medicine":"%s","amountMg":"10000000000"}
                """.formatted(METHADONE)).status()).isEqualTo(400);
        var count = api.post("pharmacist", "/api/v1/stock/counts", """
                {"site":"main","medicine":"%s","countedMg":"10000000000"}
                """.formatted(METHADONE));
        assertThat(count.status()).isEqualTo(400);
        assertThat(count.json().get("errors").has("countedMg")).isTrue();
    }

    @Test
    void aDailyDoseAboveTheClinicalMaximumIsRefused() {
        ClientId c = OatFixture.client(clients);
        var r = api.post("doctor", "/api/v1/prescriptions", """
                {"clientId":"%s","medicine":"%s","dailyDoseMg":"34"}
                """.formatted(c.value(), BUPRENORPHINE));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("dose-above-maximum");
    }

    @Test
    void thePrescriptionFormRefusesYear10000NamingTheFieldInEachLanguage() throws Exception {
        ClientId c = OatFixture.client(clients);
        String path = "/prescriptions/client/" + c.value();
        for (String[] lang : new String[][] {{"en", "implausible"}, {"ru", "неправдоподоб"}, {"ky", "акылга сыйбайт"}}) {
            MvcResult r = mvc.perform(post(path).param("lang", lang[0]).param("medicine", METHADONE).param("doseMg", "25")
                    .param("startOn", "+10000-01-01").with(user("doctor").roles("DOCTOR")).with(csrf())).andReturn();
            assertThat(r.getResponse().getStatus()).isEqualTo(400);
            String body = r.getResponse().getContentAsString();
            assertThat(body).contains("id=\"prescription-problem\"").contains("startOn").containsIgnoringCase(lang[1]);
        }
        assertThat(prescriptions(c)).isZero();
    }

    @Test
    void theStockFormRefusesTenBillionMg() throws Exception {
        MvcResult r = mvc.perform(post("/stock/receipts").param("site", "main").param("medicine", METHADONE)
                .param("amountMg", "10000000000").param("supplier", "Republican pharmacy").param("batch", "B-9")
                .with(user("pharmacist").roles("PHARMACIST")).with(csrf())).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(r.getResponse().getContentAsString()).contains("id=\"stock-problem\"").contains("amountMg");
    }

    @Test
    void theAbsenceFormRefusesYear10000() throws Exception {
        ClientId c = OatFixture.client(clients);
        OatFixture.prescribe(api, c, METHADONE, "30", 0);
        MvcResult r = mvc.perform(post("/dosing/" + c.value() + "/absence").param("day", "+10000-01-01")
                .param("reason", "travelling").with(user("nurse").roles("NURSE")).with(csrf())).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(r.getResponse().getContentAsString()).contains("id=\"problem-fields\"").contains("day");
    }

    private int prescriptions(ClientId c) {
        return db.sql("SELECT COUNT(*) FROM prescription WHERE client_id = :c").param("c", c.value())
                .query(Integer.class).single();
    }
}
