package org.ishenim.indicators;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One client's treatment as the indicators see it: sex, birth date, the site's region, the days in contact with the
 * clinic ({@code enrolledOn} inclusive to {@code dischargedOn} exclusive, {@code null} while in contact), the
 * prescription episodes and the observed doses with their take-home cover. No name, no UIC, no client id.
 */
record ClientTreatment(Sex sex, BirthDate birth, String region, LocalDate enrolledOn, LocalDate dischargedOn,
        List<Episode> episodes, List<Dose> doses) {

    ClientTreatment {
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(birth, "birth");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(enrolledOn, "enrolledOn");
        episodes = episodes.stream().sorted(Comparator.comparing(Episode::start)).toList();
        doses = List.copyOf(doses);
    }

    boolean inContactOn(LocalDate day) {
        return !day.isBefore(enrolledOn) && (dischargedOn == null || day.isBefore(dischargedOn));
    }

    /** The episode active on the day; of two (a switch of medicine), the one that started last. */
    Optional<Episode> episodeOn(LocalDate day) {
        Episode found = null;
        for (Episode e : episodes) {
            if (e.activeOn(day)) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }
}
