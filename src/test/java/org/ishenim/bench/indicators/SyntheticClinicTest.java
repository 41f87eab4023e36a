package org.ishenim.bench.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ishenim.clients.Uic;
import org.junit.jupiter.api.Test;

/**
 * The indicators benchmark's generator makes data the clinic schema would hold (no database here): valid unique
 * UICs, at most one dose per client and day, every dispensing under its own course's version in force that day,
 * versions numbered and dated in order, and the variety the benchmark claims (both medicines, titration,
 * re-inductions, take-homes, exits, consents). Fixed seed: never flaky.
 */
class SyntheticClinicTest {

    static final LocalDate FIRST = LocalDate.of(2024, 12, 1);
    static final LocalDate LAST = LocalDate.of(2026, 11, 30);

    @Test
    void fiftyClientsAreConsistent() {
        List<Uic> uics = new ArrayList<>();
        Set<String> medicines = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        Map<String, Integer> purposes = new HashMap<>();
        int[] takeHomes = new int[1];
        int[] exited = new int[1];
        new SyntheticClinic(FIRST, LAST, 13).generate(50, (client, consents, course, versions, dispensings) -> {
            uics.add(new Uic(client.uic()));
            consents.forEach(c -> purposes.merge(c.purpose(), 1, Integer::sum));
            assertThat(consents).allMatch(c -> c.client().equals(client.id()));
            assertThat(course.client()).isEqualTo(client.id());
            assertThat(client.exited()).isEqualTo(course.endOn() != null);
            exited[0] += client.exited() ? 1 : 0;
            medicines.add(course.medicine());
            assertThat(versions.get(0).kind()).isEqualTo("INITIAL");
            assertThat(versions.get(0).effectiveOn()).isEqualTo(course.startOn());
            assertThat(course.currentVersion()).isEqualTo(versions.get(versions.size() - 1).id());
            Map<UUID, SyntheticClinic.VersionRow> byId = new HashMap<>();
            for (int i = 0; i < versions.size(); i++) {
                SyntheticClinic.VersionRow v = versions.get(i);
                kinds.add(v.kind());
                byId.put(v.id(), v);
                assertThat(v.version()).isEqualTo(i + 1);
                assertThat(v.course()).isEqualTo(course.id());
                assertThat(v.dailyDose().signum()).isPositive();
                if (i > 0) {
                    assertThat(v.effectiveOn()).isAfterOrEqualTo(versions.get(i - 1).effectiveOn());
                }
            }
            Set<LocalDate> covered = new HashSet<>();
            for (SyntheticClinic.DispensingRow d : dispensings) {
                assertThat(d.client()).isEqualTo(client.id());
                assertThat(d.course()).isEqualTo(course.id());
                assertThat(d.firstDay()).isBetween(FIRST, LAST).isAfterOrEqualTo(course.startOn());
                if (course.endOn() != null) {
                    assertThat(d.firstDay()).isBeforeOrEqualTo(course.endOn());
                }
                SyntheticClinic.VersionRow v = byId.get(d.version());
                assertThat(v).isNotNull();
                assertThat(v.effectiveOn()).isBeforeOrEqualTo(d.firstDay());
                assertThat(d.dose()).isEqualTo(v.dailyDose());
                assertThat(d.days()).isEqualTo(1 + v.takeHomeDays());
                takeHomes[0] += d.days() > 1 ? 1 : 0;
                for (int i = 0; i < d.days(); i++) {
                    assertThat(covered.add(d.firstDay().plusDays(i))).as("one dose a day").isTrue();
                }
            }
        });
        assertThat(uics).hasSize(50).doesNotHaveDuplicates();
        assertThat(medicines).containsExactlyInAnyOrder(SyntheticClinic.METHADONE, SyntheticClinic.BUPRENORPHINE);
        assertThat(kinds).contains("INITIAL", "CHANGE", "REVIEW", "REINDUCTION");
        assertThat(purposes.get("TREATMENT")).isEqualTo(50);
        assertThat(purposes.get("STATISTICS")).isBetween(35, 49);
        assertThat(takeHomes[0]).isPositive();
        assertThat(exited[0]).isPositive();
    }
}
