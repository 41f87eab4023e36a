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
        // other tests in the same Spring context may have imported the same file: then all 111 are "already present"
        var done = java.util.regex.Pattern.compile("(\\d+) sentences added, (\\d+) already present, 0 rows rejected")
                .matcher(browser.findElement(By.id("import-done")).getText());
        assertThat(done.find()).isTrue();
        assertThat(Integer.parseInt(done.group(1)) + Integer.parseInt(done.group(2))).isEqualTo(111);

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

    @Test
    void recordALawChangeAgainstARecommendationAndPrintTheBriefInRussian() {
        login("browser-analyst", "pw-analyst");
        browser.get(url("/reform/countries/KG/provisions?lang=en"));
        browser.findElement(By.id("law")).sendKeys("Law on narcotic drugs");
        browser.findElement(By.id("article")).sendKeys("Art. 30");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("recommendationId"))).selectByValue("REG-1");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("relation"))).selectByValue("CONTRADICTS");
        browser.findElement(By.id("quotedText")).sendKeys("Persons who use drugs are placed on the registry.");
        browser.findElement(By.cssSelector("#provision-form button[type=submit]")).click();
        await.until(d -> d.getCurrentUrl().contains("/reform/provisions/"));
        assertThat(browser.findElement(By.id("current-status")).getText()).isEqualTo("not started");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("status"))).selectByValue("DRAFTED");
        browser.findElement(By.id("evidence")).sendKeys("Draft law published for consultation");
        browser.findElement(By.id("note")).sendKeys("with the commission's expertise");
        browser.findElement(By.cssSelector("form[action$='/status'] button[type=submit]")).click();
        await.until(d -> d.findElement(By.id("current-status")).getText().equals("drafted"));
        String history = browser.findElement(By.id("status-history")).getText();
        assertThat(history).contains("not started", "drafted", "browser-analyst", "Draft law published for consultation");

        browser.get(url("/reform/countries/KG/compliance"));
        assertThat(browser.findElement(By.id("compliance")).getText()).contains("REG-1", "change in progress");
        browser.get(url("/reform/countries/KG?lang=ru"));
        assertThat(browser.findElement(By.id("brief-pdf")).getAttribute("href")).endsWith("/reform/countries/KG/brief.pdf?lang=ru&year=2023");
    }
}
