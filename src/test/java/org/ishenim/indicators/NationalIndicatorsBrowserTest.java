package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.BrowserTest;
import org.ishenim.web.Roles;
import org.ishenim.web.Utc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * In real Chromium: a hub analyst opens the national indicators from the navigation and sees national coverage with
 * its chart, suppressed cells marked, and the downloads; then the page in Kyrgyz. The reports are
 * {@link NationalIndicatorsTest}'s two sites.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ishenim.role=hub")
@ActiveProfiles("test")
class NationalIndicatorsBrowserTest extends BrowserTest {

    @Autowired
    StaffAccounts staff;
    @Autowired
    JdbcClient db;
    @Autowired
    HubMonthlyReports reports;

    @BeforeEach
    void analystAndReports() {
        if (!staff.exists("browser-analyst")) {
            staff.create("browser-analyst", Roles.ANALYST, "pw-analyst", true);
        }
        for (String site : List.of("chui-a", "osh-b")) {
            db.sql("""
                    INSERT INTO hub_site (code, name, token_sha256, created_at, created_by, token_issued_at)
                    SELECT :code, 'Clinic', :token, :at, 'test', :at WHERE NOT EXISTS (SELECT 1 FROM hub_site WHERE code = :code)
                    """).param("code", site).param("token", UUID.randomUUID().toString().replace("-", ""))
                    .param("at", Utc.of(java.time.Instant.parse("2026-01-01T00:00:00Z"))).update();
        }
        reports.receive("chui-a", NationalIndicatorsTest.chui(NationalIndicatorsTest.MARCH, 1, 40));
        reports.receive("osh-b", NationalIndicatorsTest.osh(NationalIndicatorsTest.MARCH));
    }

    @Test
    void anAnalystSeesNationalCoverageWithItsChartAndSuppressedCells() {
        login("browser-analyst", "pw-analyst");
        browser.get(url("/reform?lang=en"));
        browser.findElement(By.linkText("National indicators")).click();
        browser.get(url("/national-indicators?month=2026-03"));
        assertThat(browser.findElement(By.id("national-coverage")).getText()).isEqualTo("65.2%");
        assertThat(browser.findElement(By.id("national-range")).getText()).contains("161");
        assertThat(browser.findElements(By.cssSelector("#national-ind11 .chartbox svg"))).hasSize(1);
        assertThat(browser.findElement(By.id("national-table-ind11")).getText()).contains("[c]").contains("chui");
        assertThat(browser.findElement(By.id("download-fhir")).getAttribute("href"))
                .endsWith("/national-indicators/download?month=2026-03&format=fhir");

        browser.get(url("/national-indicators?month=2026-03&lang=ky"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Улуттук көрсөткүчтөр");
        assertThat(browser.findElement(By.id("national-coverage")).getText()).isEqualTo("65.2%");
    }
}
