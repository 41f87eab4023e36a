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

/**
 * The demo clinic shows figures on the indicator page for this month at today's date, and for last month, whose report
 * the demo's manager sends to the demo hub (docs/indicators.md, "Demo").
 */
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

    @Test
    void lastMonthsReportWhichTheManagerSendsToTheDemoHubCountsTheDemoClients() {
        YearMonth last = YearMonth.now(clock.withZone(zone.id())).minusMonths(1);
        ClinicReport report = indicators.report(last, last.atEndOfMonth(), last, last);
        assertThat(report.counted() + report.withoutConsent()).isEqualTo(60);
        assertThat(report.coverage().inContact().total()).isEqualTo(report.counted()).isPositive();
        assertThat(report.coverage().onTreatment().total()).isGreaterThan(report.counted() / 2);
        assertThat(report.adequacy().eligible().total()).isPositive();
    }
}
