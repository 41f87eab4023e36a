package org.ishenim.clients;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.ClinicZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile's synthetic clients (about 200), enrolled once into an empty clinic, as if two weeks before last
 * month began: so the clinic's report for last month, which the demo's manager sends to the demo hub, counts them.
 */
@Component
@Profile("demo")
@ConditionalOnWebApplication
@ClinicOnly
@Order(10)
class DemoClients implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoClients.class);

    private final ClientRecords records;
    private final Clock clock;
    private final ZoneId zone;
    private final int count;

    DemoClients(ClientRecords records, Clock clock, ClinicZone zone, @Value("${ishenim.demo.clients:200}") int count) {
        this.records = records;
        this.clock = clock;
        this.zone = zone.id();
        this.count = count;
    }

    /** The demo's enrolment day: 14 days before the first day of last month, in the clinic's zone. */
    static LocalDate enrolmentDay(LocalDate today) {
        return today.withDayOfMonth(1).minusMonths(1).minusDays(14);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (records.count() > 0) {
            return;
        }
        var people = new SyntheticPeople(20230619L);
        Instant enrolledAt = enrolmentDay(LocalDate.now(clock.withZone(zone))).atTime(9, 0).atZone(zone).toInstant();
        for (int i = 1; i <= count; i++) {
            records.enrol(people.next(i).toEnrolment(Year.now(clock)), enrolledAt);
        }
        log.info("Demo clinic: {} synthetic clients enrolled", count);
    }
}
