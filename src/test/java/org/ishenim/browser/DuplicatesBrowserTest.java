package org.ishenim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.ishenim.clients.ClientRecords;
import org.ishenim.clients.Enrolment;
import org.ishenim.clients.Identity;
import org.ishenim.clients.Purpose;
import org.ishenim.clients.Sex;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.BrowserTest;
import org.ishenim.testing.StaffFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A nurse with the hub unreachable, in real Chromium: the client page shows the pending duplicate check (no name),
 * the duplicate-check page lists it, and "Try again now" shows the failed attempt; in Kyrgyz too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DuplicatesBrowserTest extends BrowserTest {

    @DynamicPropertySource
    static void unreachableHub(DynamicPropertyRegistry r) throws Exception {
        Path secret = Files.createTempFile("ishenim-linkage", ".secret");
        Files.writeString(secret, "browser-test-secret-0123456789abcdef\n");
        r.add("ishenim.hub.url", () -> "http://127.0.0.1:9");
        r.add("ishenim.hub.token", () -> "ishs_unused");
        r.add("ishenim.linkage.secret-file", secret::toString);
        r.add("ishenim.duplicates.send-interval", () -> "PT1H");
        r.add("ishenim.duplicates.send-after-commit", () -> "false");
    }

    @Autowired StaffAccounts staff;
    @Autowired ClientRecords records;

    @BeforeEach
    void staff() {
        StaffFixture.onePerRole(staff);
    }

    @Test
    void thePendingCheckOnTheClientPageAndTheDuplicatesPage() {
        var client = records.enrol(new Enrolment(Sex.F, 1990, "Айгуль", "Бакыт", "Браузер дубль",
                new Identity("Гүлнара", "Осмонова", LocalDate.of(1990, 11, 2), null), true,
                Set.of(Purpose.TREATMENT, Purpose.DUPLICATE_CHECK)));
        login("nurse", StaffFixture.PASSWORD);

        browser.get(url("/clients/" + client.id().value() + "?lang=en"));
        await.until(ExpectedConditions.presenceOfElementLocated(By.id("duplicate-status")));
        assertThat(browser.findElement(By.id("duplicate-check-title")).getText()).isEqualTo("Duplicate check");
        assertThat(browser.findElement(By.id("duplicate-status")).getText()).contains("Waiting for the hub")
                .doesNotContain("Гүлнара");

        browser.get(url("/duplicates"));
        assertThat(browser.findElement(By.id("pending")).getText()).contains(client.uic().value()).contains("Браузер дубль");
        browser.findElement(By.xpath("//button[normalize-space()='Try again now']")).click();
        // the check runs in the background; the page says so, and shows the result once it is in
        await.until(d -> d.findElement(By.cssSelector("p.notice[role=status]")).getText().contains("Checking with the hub now"));
        await.until(d -> {
            d.navigate().to(url("/duplicates"));
            return d.findElement(By.id("pending")).getText().contains("could not be reached");
        });

        browser.findElement(By.cssSelector("a[hreflang=ky]")).click();
        await.until(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals("ky"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Кайталанууну текшерүүлөр");
        assertThat(browser.getPageSource()).doesNotContain("Осмонова");
    }
}
