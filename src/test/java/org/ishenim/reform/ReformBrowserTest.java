package org.ishenim.reform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.BrowserTest;
import org.ishenim.web.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** In real Chromium: an analyst imports the demo year of sentences and sees the share without a diagnosis. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ishenim.role=hub")
@ActiveProfiles("test")
class ReformBrowserTest extends BrowserTest {

    @Autowired
    StaffAccounts staff;

    @BeforeEach
    void analyst() {
        if (!staff.exists("browser-analyst")) {
            staff.create("browser-analyst", Roles.ANALYST, "pw-analyst", true);
        }
    }

    @Test
    void importTheDemoYearAndSeeTheShareWithoutADiagnosis() throws Exception {
        Path csv = Files.createTempFile("demo-sentences", ".csv");
        Files.write(csv, DemoReform.demoSentences());
        Path bad = Files.createTempFile("bad-sentences", ".csv");
        Files.writeString(bad, "case_reference,court,region,sentence_date,article,measure,expert_finding,treatment_months\n"
                + "B-1,Court,Naryn,2023-02-30,Art. 283,compulsory_treatment,not_diagnosed,6\n"
                + "B-2,=cmd,Naryn,2023-02-01,Art. 283,forced_labour,not_diagnosed,6\n");

        login("browser-analyst", "pw-analyst");
        browser.get(url("/reform?lang=en"));
        browser.findElement(By.linkText("Kyrgyzstan")).click();
        browser.findElement(By.linkText("Import sentences")).click();
        assertThat(browser.findElement(By.id("template-csv")).getAttribute("href")).endsWith("/reform/sentences/template.csv");

        // a file with errors is refused, every problem listed
        browser.findElement(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
        browser.findElement(By.id("import-submit")).click();
        await.until(d -> !d.findElements(By.id("import-refused")).isEmpty());
        String errors = browser.findElement(By.id("import-errors")).getText();
        assertThat(errors).contains("sentence_date", "Not a date", "court", "formula", "measure", "Unknown measure");

        // the demo year imports
        browser.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.id("import-submit")).click();
        await.until(d -> !d.findElements(By.id("import-done")).isEmpty());
        assertThat(browser.findElement(By.id("import-done")).getText()).startsWith("111 sentences added");

        browser.get(url("/reform/countries/KG"));
        assertThat(browser.findElement(By.id("dashboard-share")).getText()).isEqualTo("19.8%");
        assertThat(browser.findElement(By.id("dashboard-count")).getText()).isEqualTo("111");
        assertThat(browser.findElement(By.id("synthetic")).getText()).contains("Synthetic");
        assertThat(browser.findElements(By.cssSelector(".chartbox svg"))).isNotEmpty();

        // and in Russian
        browser.get(url("/reform/countries/KG?lang=ru"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Кыргызстан");
        assertThat(browser.findElement(By.id("dashboard-headline")).getText()).contains("22 (19.8%)");
    }
}
