package org.ishenim.web;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole server, so that tests can move time (dose days, audit timestamps), and the clinic's zone. */
@Configuration
class ClockConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ClinicZone clinicZone(@Value("${ishenim.clinic.zone:Asia/Bishkek}") ZoneId zone) {
        return new ClinicZone(zone);
    }
}
