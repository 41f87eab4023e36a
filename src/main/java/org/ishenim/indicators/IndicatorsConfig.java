package org.ishenim.indicators;

import org.ishenim.web.ClinicOnly;
import org.ishenim.web.ClinicZone;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The indicator core, with its rules from {@code ishenim.indicators.*} and the clinic's zone. */
@Configuration
@ClinicOnly
@EnableConfigurationProperties(IndicatorRules.class)
class IndicatorsConfig {

    @Bean
    Indicators indicators(IndicatorRules rules, ClinicZone zone) {
        return new Indicators(rules, zone);
    }
}
