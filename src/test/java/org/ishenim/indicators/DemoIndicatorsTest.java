package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.ishenim.web.ClinicZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The demo clinic shows figures on the indicator page for this month at today's date (docs/indicators.md, "Demo"). */
@SpringBootTest(properties = "ishenim.demo.clients=60")
@ActiveProfiles({"test", "demo"})
class DemoIndicatorsTest {

    @Autowired
    ClinicIndicators indicators;
    @Autowired
    Clock clock;
    @Autowired
    ClinicZone zone;

    @Test
    void thisMonthAtTodayShowsCoverageAndTheConsentExclusions() {
        LocalDate today = LocalDate.now(clock.withZone(zone.id()));
        YearMonth month = YearMonth.from(today);
        ClinicReport report = indicators.report(month, today, month, month);
        assertThat(report.coverage().inContact().total()).isEqualTo(report.counted()).isPositive();
        assertThat(report.coverage().onTreatment().total()).isPositive();
        assertThat(report.adequacy().eligible().total()).isPositive();
        assertThat(report.withoutConsent()).isPositive();
        assertThat(report.counted() + report.withoutConsent()).isEqualTo(60);
    }
}
