package org.ishenim.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ishenim.clients.Client;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientStatus;
import org.ishenim.clients.IdentityState;
import org.ishenim.clients.Sex;
import org.ishenim.clients.Uic;
import org.ishenim.web.InvalidFieldsException;
import org.junit.jupiter.api.Test;

/** The yearly TDI table and the form's rules, on hand-made entries whose answers are written here. */
class TreatmentDemandTest {

    static final Year Y2026 = Year.of(2026);

    @Test
    void aClientWithTwoEntriesInTheYearIsCountedOnceByTheFirstEntry() {
        ClientId a = id();
        var first = entry(a, "2026-02-01", PreviousTreatment.NEVER, PrimaryDrug.HEROIN);
        var second = entry(a, "2026-05-01", PreviousTreatment.PREVIOUSLY, PrimaryDrug.CANNABIS);
        var report = TreatmentDemand.of(Y2026, List.of(second, first), clients(Map.of(a, client(a, Sex.M, 1990))),
                Set.of(a));
        assertThat(report.counted()).isEqualTo(1);
        assertThat(report.total()).isEqualTo(new TreatmentDemand.Row("total", 1, 0, 0));
        assertThat(row(report, "primaryDrug", "HEROIN")).isEqualTo(new TreatmentDemand.Row("HEROIN", 1, 0, 0));
        assertThat(row(report, "primaryDrug", "CANNABIS").total()).isZero();
    }

    @Test
    void firstEverAgainAndNotKnown() {
        ClientId never = id();
        ClientId before = id();
        ClientId enteredLastYear = id();
        ClientId declined = id();
        ClientId notKnown = id();
        var entries = List.of(entry(never, "2026-01-01", PreviousTreatment.NEVER, PrimaryDrug.HEROIN),
                entry(before, "2026-01-01", PreviousTreatment.PREVIOUSLY, PrimaryDrug.HEROIN),
                // says never, but this clinic entered the client in 2025: treatment again
                new TreatmentEntries.InYear(entry(enteredLastYear, "2026-03-01", PreviousTreatment.NEVER,
                        PrimaryDrug.HEROIN).entry(), true),
                entry(declined, "2026-01-01", PreviousTreatment.DECLINED, PrimaryDrug.DECLINED),
                entry(notKnown, "2026-01-01", PreviousTreatment.NOT_KNOWN, PrimaryDrug.NOT_KNOWN));
        var all = Set.of(never, before, enteredLastYear, declined, notKnown);
        var report = TreatmentDemand.of(Y2026, entries, clients(all.stream()
                .collect(java.util.stream.Collectors.toMap(c -> c, c -> client(c, Sex.F, 2000)))), all);
        assertThat(report.total()).isEqualTo(new TreatmentDemand.Row("total", 1, 2, 2));
        assertThat(row(report, "primaryDrug", "DECLINED")).isEqualTo(new TreatmentDemand.Row("DECLINED", 0, 0, 1));
        assertThat(row(report, "primaryDrug", "NOT_KNOWN")).isEqualTo(new TreatmentDemand.Row("NOT_KNOWN", 0, 0, 1));
        assertThat(row(report, "sex", "F").total()).isEqualTo(5);
        assertThat(row(report, "age", "25-29").total()).as("2026 - 2000 = 26").isEqualTo(5);
    }

    @Test
    void onlyClientsWithTheStatisticsConsentAreCountedAndTheRestSaid() {
        ClientId consenting = id();
        ClientId without = id();
        var report = TreatmentDemand.of(Y2026,
                List.of(entry(consenting, "2026-01-01", PreviousTreatment.NEVER, PrimaryDrug.HEROIN),
                        entry(without, "2026-01-01", PreviousTreatment.NEVER, PrimaryDrug.HEROIN),
                        entry(without, "2026-06-01", PreviousTreatment.NEVER, PrimaryDrug.HEROIN)),
                clients(Map.of(consenting, client(consenting, Sex.M, 1980), without, client(without, Sex.M, 1980))),
                Set.of(consenting));
        assertThat(report.counted()).isEqualTo(1);
        assertThat(report.leftOut()).as("a person left out is one person, whatever their entries").isEqualTo(1);
        assertThat(row(report, "primaryDrug", "HEROIN").total()).isEqualTo(1);
    }

    @Test
    void ageBands() {
        assertThat(TreatmentDemand.ageBand(14)).isEqualTo("<15");
        assertThat(TreatmentDemand.ageBand(15)).isEqualTo("15-19");
        assertThat(TreatmentDemand.ageBand(19)).isEqualTo("15-19");
        assertThat(TreatmentDemand.ageBand(20)).isEqualTo("20-24");
        assertThat(TreatmentDemand.ageBand(64)).isEqualTo("60-64");
        assertThat(TreatmentDemand.ageBand(65)).isEqualTo("65+");
    }

    @Test
    void theFormNamesEveryFieldToCorrectAndAcceptsNotKnownAndDeclined() {
        LocalDate enrolled = LocalDate.parse("2026-01-10");
        LocalDate today = LocalDate.parse("2026-03-01");
        var empty = new EntryForm("", "", "", "", "", "", "", "", "", "", "");
        assertThatThrownBy(() -> empty.parse(enrolled, today)).isInstanceOfSatisfying(InvalidFieldsException.class,
                e -> assertThat(e.errors()).containsOnlyKeys("enteredOn", "treatmentCentre", "previousTreatment",
                        "referralSource", "primaryDrug", "route", "frequency", "ageFirstUseAnswer", "everInjected",
                        "everOst").containsEntry("route", "required"));
        var wrong = new EntryForm("2026-01-09", "OUTPATIENT", "NEVER", "SELF", "SPEED", "INJECT", "DAILY", "GIVEN",
                "abc", "YES", "NO");
        assertThatThrownBy(() -> wrong.parse(enrolled, today)).isInstanceOfSatisfying(InvalidFieldsException.class,
                e -> assertThat(e.errors()).isEqualTo(Map.of("enteredOn", "beforeEnrolment", "primaryDrug", "unknown",
                        "ageFirstUse", "number")));
        var ageWithDeclined = new EntryForm("2026-03-01", "OUTPATIENT", "NEVER", "SELF", "HEROIN", "INJECT", "DAILY",
                "DECLINED", "17", "YES", "NO");
        assertThatThrownBy(() -> ageWithDeclined.parse(enrolled, today))
                .isInstanceOfSatisfying(InvalidFieldsException.class,
                        e -> assertThat(e.errors()).isEqualTo(Map.of("ageFirstUse", "notWithAnswer")));
        var declined = new EntryForm("2026-03-01", "DECLINED", "DECLINED", "DECLINED", "DECLINED", "NOT_KNOWN",
                "NOT_KNOWN", "DECLINED", "", "DECLINED", "NOT_KNOWN").parse(enrolled, today);
        assertThat(declined.items().ageFirstUse()).isNull();
        assertThat(declined.items().referral()).isEqualTo(ReferralSource.DECLINED);
        assertThat(new EntryForm("2026-03-01", "OUTPATIENT", "NEVER", "SELF", "HEROIN", "INJECT", "DAILY", "GIVEN",
                "17", "YES", "NO").parse(enrolled, today).items().ageFirstUse()).isEqualTo(17);
        assertThat(new EntryForm("2026-03-02", "OUTPATIENT", "NEVER", "SELF", "HEROIN", "INJECT", "DAILY", "GIVEN",
                "17", "YES", "NO").toString()).doesNotContain("HEROIN");
    }

    private static TreatmentDemand.Row row(TreatmentDemand.Report report, String dimension, String category) {
        return report.tables().stream().filter(t -> t.dimension().equals(dimension)).findFirst().orElseThrow().rows()
                .stream().filter(r -> r.category().equals(category)).findFirst().orElseThrow();
    }

    private static ClientId id() {
        return new ClientId(UUID.randomUUID());
    }

    private static Map<ClientId, Client> clients(Map<ClientId, Client> m) {
        return m;
    }

    private static Client client(ClientId id, Sex sex, int birthYear) {
        return new Client(id, new Uic("M1990ABCD"), "x", sex, birthYear, ClientStatus.values()[0],
                IdentityState.values()[0], Instant.parse("2025-01-01T00:00:00Z"), "nurse");
    }

    private static TreatmentEntries.InYear entry(ClientId client, String on, PreviousTreatment previous,
            PrimaryDrug drug) {
        var items = new TreatmentEntry.Items(TreatmentCentre.OUTPATIENT, previous, ReferralSource.SELF, drug,
                Route.INJECT, Frequency.DAILY, AgeAnswer.NOT_KNOWN, null, YesNo.YES, YesNo.NO);
        return new TreatmentEntries.InYear(new TreatmentEntry(UUID.randomUUID(), client, LocalDate.parse(on), items,
                Instant.parse(on + "T05:00:00Z"), "nurse"), false);
    }
}
