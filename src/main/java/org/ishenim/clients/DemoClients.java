package org.ishenim.clients;

import java.time.Clock;
import java.time.Year;
import org.ishenim.web.ClinicOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo profile's synthetic clients (about 200), enrolled once into an empty clinic. */
@Component
@Profile("demo")
@ConditionalOnWebApplication
@ClinicOnly
@Order(10)
class DemoClients implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoClients.class);

    private final ClientRecords records;
    private final Clock clock;
    private final int count;

    DemoClients(ClientRecords records, Clock clock, @Value("${ishenim.demo.clients:200}") int count) {
        this.records = records;
        this.clock = clock;
        this.count = count;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (records.count() > 0) {
            return;
        }
        var people = new SyntheticPeople(20230619L);
        for (int i = 1; i <= count; i++) {
            records.enrol(people.next(i).toEnrolment(Year.now(clock)));
        }
        log.info("Demo clinic: {} synthetic clients enrolled", count);
    }
}
