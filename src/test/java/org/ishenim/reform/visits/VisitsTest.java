package org.ishenim.reform.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.ishenim.reform.Country;
import org.ishenim.web.InvalidFieldsException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.ishenim.testing.BothDatabases;

/** Visits and commitments; "overdue" follows the clock. */
@SpringBootTest(properties = "ishenim.role=hub")
@ActiveProfiles("test")
@Import(VisitsTest.FixedClock.class)
@BothDatabases
class VisitsTest {

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2024-03-01T06:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    Visits visits;

    @Test
    void commitmentsPastTheirDueDateAreOverdueUntilDone() {
        Country kg = new Country("KG");
        UUID visit = visits.addVisit(kg, "Second official visit", LocalDate.of(2023, 6, 19), LocalDate.of(2023, 6, 21),
                "commissioners");
        visits.addMeeting(visit, "Prime Minister", "head of government");
        UUID late = visits.addCommitment(visit, "Expertise to abolish the registry", "ECECACD", LocalDate.of(2024, 1, 31));
        UUID fine = visits.addCommitment(visit, "Expertise to abolish compulsory treatment", "ECECACD",
                LocalDate.of(2024, 6, 30));
        visits.addCommitment(visit, "No date yet", "Ministry of Health", null);

        var open = visits.openCommitments(kg);
        assertThat(open).hasSize(3);
        assertThat(open).filteredOn(c -> c.overdue(visits.today())).extracting(Commitment::id).containsExactly(late);

        visits.setStatus(late, Commitment.Status.DONE);
        assertThat(visits.openCommitments(kg)).extracting(Commitment::id).doesNotContain(late).contains(fine);
        assertThat(visits.openCommitments(kg)).noneMatch(c -> c.overdue(visits.today()));

        var stored = visits.visit(visit);
        assertThat(stored.meetings()).containsExactly(new Visit.Meeting("Prime Minister", "head of government"));
        assertThat(stored.commitments()).hasSize(3);
    }

    @Test
    @org.springframework.security.test.context.support.WithMockUser(username = "analyst1", roles = "ANALYST")
    void aCorrectionAndAStatusChangeKeepWhatTheyReplaced() {
        Country uz = new Country("UZ");
        UUID visit = visits.addVisit(uz, "First visit", LocalDate.of(2023, 9, 4), LocalDate.of(2023, 9, 6), null);
        UUID c = visits.addCommitment(visit, "Draft an OAT regulaton", "Minstry of Health", LocalDate.of(2024, 2, 1));
        assertThatThrownBy(() -> visits.correct(c, " ", "x", null)).isInstanceOf(InvalidFieldsException.class);

        visits.correct(c, "Draft an OAT regulation", "Ministry of Health", LocalDate.of(2024, 5, 1));
        visits.setStatus(c, Commitment.Status.IN_PROGRESS);

        Commitment now = visits.visit(visit).commitments().get(0);
        assertThat(now.text()).isEqualTo("Draft an OAT regulation");
        assertThat(now.owner()).isEqualTo("Ministry of Health");
        assertThat(now.dueOn()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(now.status()).isEqualTo(Commitment.Status.IN_PROGRESS);
        var changes = visits.changes(uz).get(c);
        assertThat(changes).extracting(CommitmentChange::kind).containsExactly("CORRECTION", "STATUS");
        assertThat(changes.get(0).text()).isEqualTo("Draft an OAT regulaton");
        assertThat(changes.get(0).owner()).isEqualTo("Minstry of Health");
        assertThat(changes.get(1).status()).isEqualTo(Commitment.Status.OPEN);
        assertThat(changes).extracting(CommitmentChange::changedBy).containsOnly("analyst1");
    }

    @Test
    void aVisitEndsAfterItStarts() {
        assertThatThrownBy(() -> visits.addVisit(new Country("TJ"), "x", LocalDate.of(2023, 6, 21),
                LocalDate.of(2023, 6, 19), null)).isInstanceOf(InvalidFieldsException.class);
    }

    @Test
    void implausibleVisitAndDueDatesAreRefusedNamingTheField() {
        // finding 10: today is 2024-03-01; reform dates run from 1990-01-01 to 3660 days ahead
        Country kz = new Country("KZ");
        assertThat(refused(() -> visits.addVisit(kz, "x", LocalDate.of(1, 1, 1), LocalDate.of(2023, 6, 19), null)))
                .containsEntry("startsOn", "range");
        assertThat(refused(() -> visits.addVisit(kz, "x", LocalDate.of(2023, 6, 19), LocalDate.of(10000, 1, 1), null)))
                .containsEntry("endsOn", "range");
        UUID visit = visits.addVisit(kz, "Country visit", LocalDate.of(1990, 1, 1), LocalDate.of(1990, 1, 2), null);
        assertThat(refused(() -> visits.addCommitment(visit, "Abolish the registry", "MoH", LocalDate.of(10000, 1, 1))))
                .containsEntry("dueOn", "range");
        UUID commitment = visits.addCommitment(visit, "Abolish the registry", "MoH", LocalDate.of(2034, 2, 1));
        assertThat(refused(() -> visits.correct(commitment, "Abolish the registry", "MoH", LocalDate.of(1989, 12, 31))))
                .containsEntry("dueOn", "range");
        assertThat(visits.visit(visit).commitments()).extracting(Commitment::dueOn).containsExactly(LocalDate.of(2034, 2, 1));
    }

    private static java.util.Map<String, String> refused(Runnable action) {
        try {
            action.run();
        } catch (InvalidFieldsException e) {
            return e.errors();
        }
        throw new AssertionError("not refused");
    }
}
