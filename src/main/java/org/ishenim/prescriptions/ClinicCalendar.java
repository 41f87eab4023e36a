package org.ishenim.prescriptions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.ishenim.web.ClinicOnly;
import org.springframework.stereotype.Component;

/** The dose day: the calendar day in the clinic's zone ({@code ishenim.clinic.zone}) of the injected clock. */
@Component
@ClinicOnly
public class ClinicCalendar {

    private final Clock clock;
    private final ZoneId zone;

    @org.springframework.beans.factory.annotation.Autowired
    public ClinicCalendar(Clock clock, org.ishenim.web.ClinicZone zone) {
        this(clock, zone.id());
    }

    public ClinicCalendar(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public LocalDate today() {
        return dayOf(clock.instant());
    }

    public LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    public Instant now() {
        return clock.instant();
    }

    public ZoneId zone() {
        return zone;
    }
}
