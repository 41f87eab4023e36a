package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.ishenim.web.InvalidFieldsException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The treatment-demand part of the monthly report on the wire: carried and read back with the same digest, absent
 * from an older report (which still parses, with its digest unchanged), and refused, field by field, when it is not
 * exactly what a clinic writes.
 */
class TreatmentDemandPartTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final YearMonth MARCH = YearMonth.of(2026, 3);

    /** The report of {@code MonthlyReportReceiptTest}'s shape, with no cells: the fields every report has. */
    static final String OLD = """
            {"version":1,"census":"2026-03-31","region":"chui","counted":40,"withoutConsent":3,"cells":[],
             "exclusions":"UNAVAILABLE","countedElsewhere":0,"bounds":[],"boundsBelowMinCell":false%s}
            """;

    /**
     * Three people from January to March: two first-ever (heroin, male, 30-34, injecting, self-referred, never on
     * OST), one treated before (other opioids, female, 25-29, smoking, referred by a court, on OST before).
     */
    static final String TDI = """
            ,"tdi":{"counted":3,"withoutConsent":1,"cells":[
             {"dimension":"primaryDrug","category":"HEROIN","status":"FIRST_EVER","count":2},
             {"dimension":"primaryDrug","category":"OTHER_OPIOIDS","status":"AGAIN","count":1},
             {"dimension":"sex","category":"M","status":"FIRST_EVER","count":2},
             {"dimension":"sex","category":"F","status":"AGAIN","count":1},
             {"dimension":"age","category":"30-34","status":"FIRST_EVER","count":2},
             {"dimension":"age","category":"25-29","status":"AGAIN","count":1},
             {"dimension":"route","category":"INJECT","status":"FIRST_EVER","count":2},
             {"dimension":"route","category":"SMOKE_OR_INHALE","status":"AGAIN","count":1},
             {"dimension":"referralSource","category":"SELF","status":"FIRST_EVER","count":2},
             {"dimension":"referralSource","category":"COURT_PROBATION_POLICE","status":"AGAIN","count":1},
             {"dimension":"everOst","category":"NO","status":"FIRST_EVER","count":2},
             {"dimension":"everOst","category":"YES","status":"AGAIN","count":1}]}""";

    static MonthlyContribution read(String json) {
        return MonthlyContribution.fromPayload(MARCH, MonthlyContribution.Payload.read(JSON.readTree(json)));
    }

    @Test
    void anOlderReportWithoutThePartStillParsesWithItsDigestUnchanged() {
        MonthlyContribution report = read(OLD.formatted(""));
        assertThat(report.tdi()).isNull();
        // the digest of this report as the hub computed it before the part existed
        assertThat(report.digest()).isEqualTo("5550ba8ae0dabd86a0a7b51793a813931b516b8dd47a803be457e235655dcd9e");
        assertThat(JSON.writeValueAsString(report.payload())).doesNotContain("tdi");
        assertThat(read(OLD.formatted(",\"tdi\":null")).tdi()).isNull();
    }

    @Test
    void aReportWithThePartTravelsAndComesBackTheSame() {
        MonthlyContribution report = read(OLD.formatted(TDI));
        TreatmentDemandPart tdi = report.tdi();
        assertThat(tdi.counted()).isEqualTo(3);
        assertThat(tdi.withoutConsent()).isEqualTo(1);
        assertThat(tdi.count("referralSource", "COURT_PROBATION_POLICE", "AGAIN")).isEqualTo(1);
        assertThat(tdi.count("referralSource", "COURT_PROBATION_POLICE", "FIRST_EVER")).isZero();
        assertThat(report.digest()).isNotEqualTo(read(OLD.formatted("")).digest());

        String sent = JSON.writeValueAsString(report.payload());
        MonthlyContribution back = read(sent);
        assertThat(back).isEqualTo(report);
        assertThat(back.digest()).isEqualTo(report.digest());
        // the same part with its cells in another order is the same report
        var cells = new java.util.ArrayList<>(tdi.cells());
        java.util.Collections.reverse(cells);
        var reordered = new TreatmentDemandPart(3, 1, cells);
        assertThat(new MonthlyContribution(MARCH, 1, LocalDate.of(2026, 3, 31), "chui", 40, 3, List.of(),
                CountedElsewhere.Status.UNAVAILABLE, 0, List.of(), false, List.of(), reordered).digest())
                .isEqualTo(report.digest());
    }

    @Test
    void aPartThatIsNotExactlyWhatAClinicWritesIsRefusedFieldByField() {
        assertRefused(TDI.replace("\"withoutConsent\":1,", "\"withoutConsent\":1,\"names\":[],"), "tdi");
        assertRefused(TDI.replace("\"dimension\":\"sex\",\"category\":\"M\"", "\"dimension\":\"gender\",\"category\":\"M\""),
                "tdi.cells[2].dimension");
        assertRefused(TDI.replace("\"category\":\"HEROIN\"", "\"category\":\"Heroin\""), "tdi.cells[0].category");
        assertRefused(TDI.replace("\"category\":\"HEROIN\",\"status\":\"FIRST_EVER\"",
                "\"category\":\"HEROIN\",\"status\":\"NEW\""), "tdi.cells[0].status");
        assertRefused(TDI.replace("\"HEROIN\",\"status\":\"FIRST_EVER\",\"count\":2", "\"HEROIN\",\"status\":"
                + "\"FIRST_EVER\",\"count\":2.5"), "tdi.cells[0].count");
        assertRefused(TDI.replace("\"HEROIN\",\"status\":\"FIRST_EVER\",\"count\":2", "\"HEROIN\",\"status\":"
                + "\"FIRST_EVER\",\"count\":\"2\""), "tdi.cells[0].count");
        assertRefused(TDI.replace("\"counted\":3", "\"counted\":-3"), "tdi.counted");
        assertRefused(TDI.replace("\"withoutConsent\":1", "\"withoutConsent\":\"1\""), "tdi.withoutConsent");
        assertRefused(TDI.replace("\"counted\":3,", ""), "tdi.counted");
        assertRefused(TDI.replace("\"cells\":[", "\"cells\":{\"x\":[").replace("]}", "]}}"), "tdi.cells");
        // a cell given twice
        assertRefused(TDI.replace("]}", ",{\"dimension\":\"everOst\",\"category\":\"YES\",\"status\":\"AGAIN\","
                + "\"count\":0}]}"), "tdi.cells[12]");
        // a disaggregation that does not add up to the others (one person missing from route)
        assertRefused(TDI.replace("\"INJECT\",\"status\":\"FIRST_EVER\",\"count\":2",
                "\"INJECT\",\"status\":\"FIRST_EVER\",\"count\":1"), "tdi.cells");
        // counted is not the people in each disaggregation
        assertRefused(TDI.replace("\"counted\":3", "\"counted\":4"), "tdi.counted");
        assertRefused(",\"tdi\":[]", "tdi");
        // the refusal names fields, never a value that was sent
        assertThatThrownBy(() -> read(OLD.formatted(TDI.replace("\"category\":\"HEROIN\"", "\"category\":\"Aigul\""))))
                .isInstanceOfSatisfying(InvalidFieldsException.class,
                        e -> assertThat(e.errors().toString()).doesNotContain("Aigul"));
    }

    static void assertRefused(String tdi, String field) {
        assertThatThrownBy(() -> read(OLD.formatted(tdi))).as(field)
                .isInstanceOfSatisfying(InvalidFieldsException.class,
                        e -> assertThat(e.errors()).as(e.errors().toString()).containsKey(field));
    }

    @Test
    void theCheckedValueRefusesWhatTheWireRefuses() {
        assertThatThrownBy(() -> new TreatmentDemandPart(1, 0, List.of(
                new TreatmentDemandPart.Cell("primaryDrug", "HEROIN", "FIRST_EVER", 1))))
                .isInstanceOf(IllegalArgumentException.class);
        JsonNode empty = JSON.readTree("{\"counted\":0,\"withoutConsent\":5,\"cells\":[]}");
        assertThat(TreatmentDemandPart.parse(empty)).isEqualTo(new TreatmentDemandPart(0, 5, List.of()));
        assertThat(TreatmentDemandPart.errors(0, 0, List.of())).isEqualTo(Map.of());
    }
}
