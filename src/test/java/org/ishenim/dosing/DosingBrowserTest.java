package org.ishenim.dosing;

import static org.assertj.core.api.Assertions.assertThat;

import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientRecords;
import org.ishenim.medicines.Medicine;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.Http;
import org.ishenim.testing.StaffFixture;
import org.ishenim.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A nurse in Chromium: open the queue, find the client by typing, dose by keyboard, see the refusal of a second dose. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DosingBrowserTest extends BrowserTest {

    @Autowired
    StaffAccounts staff;
    @Autowired
    ClientRecords clients;

    @Test
    void aNurseDosesAClientAndASecondAttemptIsRefused() {
        StaffFixture.onePerRole(staff);
        var api = new Http(port);
        OatFixture.receive(api, "main", Medicine.METHADONE_ORAL_10MG_ML.name(), "10000");
        ClientId c = OatFixture.client(clients);
        OatFixture.prescribe(api, c, Medicine.METHADONE_ORAL_10MG_ML.name(), "30", 0);
        String uic = clients.find(c).orElseThrow().uic().value();

        login("nurse", OatFixture.PASSWORD);
        browser.get(url("/dosing"));
        String row = "tr[data-client='" + c.value() + "']";
        assertThat(browser.findElement(By.cssSelector(row)).getAttribute("data-status")).isEqualTo("DUE");
        // search as you type (htmx), then keyboard only: Enter on the link, Enter on the focused confirm button
        browser.findElement(By.id("query")).sendKeys(uic);
        awaitRows("queue-rows", uic);
        assertThat(browser.findElements(By.cssSelector("#queue-rows tr"))).hasSize(1);
        WebElement link = browser.findElement(By.cssSelector(row + " a"));
        // the same answer again (a repeated search) leaves the row under the user's cursor in place
        var js = (JavascriptExecutor) browser;
        js.executeScript("window.rowRequests = 0;"
                + "document.body.addEventListener('htmx:afterRequest', function () { window.rowRequests++; });"
                + "htmx.trigger('#query', 'search');");
        await.until(d -> Long.valueOf(1).equals(js.executeScript("return window.rowRequests;")) && htmxIdle(d));
        assertThat(link.getText()).isEqualTo(uic);
        link.sendKeys(Keys.ENTER);
        await.until(d -> !d.findElements(By.id("proposed-dose")).isEmpty());
        assertThat(browser.findElement(By.id("proposed-dose")).getText()).contains("30 mg");
        String panelUrl = browser.getCurrentUrl();
        String firstTab = browser.getWindowHandle();
        // a colleague opens the same client in a second tab before the dose is given
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(panelUrl);
        String secondTab = browser.getWindowHandle();
        browser.switchTo().window(firstTab);
        awaitFocus("confirm-dose");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        await.until(d -> !d.findElements(By.id("dosed-notice")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(row)).getAttribute("data-status")).isEqualTo("DOSED");
        assertThat(browser.findElement(By.cssSelector(row + " td.status")).getText()).matches("(?s).*\\d\\d:\\d\\d.*");

        // the second attempt, from the stale tab, is refused naming when and by whom
        browser.switchTo().window(secondTab);
        WebElement stale = browser.findElement(By.id("confirm-dose"));
        stale.sendKeys(Keys.ENTER);
        awaitNewPage(stale);
        await.until(d -> !d.findElements(By.id("dose-problem")).isEmpty());
        assertThat(browser.findElement(By.id("dose-problem")).getText()).contains("already").contains("nurse");
        assertThat(browser.findElements(By.id("confirm-dose"))).isEmpty();
    }
}
