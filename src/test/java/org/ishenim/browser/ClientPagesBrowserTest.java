package org.ishenim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.BrowserTest;
import org.ishenim.testing.StaffFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A nurse's first minutes, in real Chromium: log in, enrol, find by alias, open the page, switch language. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ClientPagesBrowserTest extends BrowserTest {

    @Autowired StaffAccounts staff;

    @BeforeEach
    void staff() {
        StaffFixture.onePerRole(staff);
    }

    @Test
    void enrolFindOpenAndSwitchLanguage() {
        login("nurse", StaffFixture.PASSWORD);

        browser.get(url("/clients/new"));
        new Select(browser.findElement(By.id("sex"))).selectByValue("M");
        browser.findElement(By.id("birthYear")).sendKeys("1988");
        browser.findElement(By.id("motherFirstName")).sendKeys("Жаңыл");
        browser.findElement(By.id("fatherFirstName")).sendKeys("Үмүт");
        browser.findElement(By.id("alias")).sendKeys("Ала-Тоо Браузер");
        browser.findElement(By.id("enrol-submit")).click();

        await.until(ExpectedConditions.presenceOfElementLocated(By.id("client-uic")));
        assertThat(browser.findElement(By.id("client-uic")).getText()).startsWith("M1988ZHUM");
        assertThat(browser.findElement(By.id("client-alias")).getText()).isEqualTo("Ала-Тоо Браузер");

        browser.get(url("/clients"));
        var search = browser.findElement(By.id("query"));
        search.sendKeys("браузер");
        awaitRows("client-rows", "браузер");
        assertThat(browser.findElements(By.cssSelector("#client-rows a"))).hasSize(1);
        // without htmx's help, the form's own POST finds the same client on a new page
        search.sendKeys(Keys.ENTER);
        awaitNewPage(search);
        awaitRows("client-rows", "браузер");
        assertThat(browser.findElements(By.cssSelector("#client-rows a"))).hasSize(1);
        browser.findElement(By.cssSelector("#client-rows a")).click();
        await.until(ExpectedConditions.presenceOfElementLocated(By.id("client-alias")));
        assertThat(browser.findElement(By.id("client-alias")).getText()).isEqualTo("Ала-Тоо Браузер");
        assertThat(browser.findElement(By.id("access-log")).getText()).contains("nurse");

        browser.findElement(By.cssSelector("a[hreflang=ru]")).click();
        await.until(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals("ru"));
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("Согласия");
        assertThat(browser.findElement(By.cssSelector("header nav")).getText()).contains("Клиенты");

        browser.findElement(By.cssSelector("a[hreflang=ky]")).click();
        await.until(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals("ky"));
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("Макулдуктар");
        assertThat(browser.findElement(By.cssSelector("header nav")).getText()).contains("Кардарлар");

        browser.get(url("/clients/new"));
        assertThat(browser.findElement(By.cssSelector("label[for=motherFirstName]")).getText()).isEqualTo("Энесинин аты");
    }

    @Test
    void aWrongPasswordIsRefusedInTheUsersLanguage() {
        browser.get(url("/login?lang=ru"));
        browser.findElement(By.id("username")).sendKeys("nurse");
        browser.findElement(By.id("password")).sendKeys("wrong-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.error")));
        assertThat(browser.findElement(By.cssSelector(".notice.error")).getText()).startsWith("Неверное имя");
    }
}
