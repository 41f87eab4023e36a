package org.ishenim.prescriptions;

import org.ishenim.web.ClinicOnly;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@ClinicOnly
@EnableConfigurationProperties(OatRules.class)
class PrescriptionsConfig {
}
