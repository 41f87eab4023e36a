package org.ishenim.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Browser tests in real headless Chromium, driven by Debian's chromedriver. Outside CI they are skipped when
 * Chromium is not installed; in CI ({@code CI=true}) a missing browser is a failure.
 */
@Tag("browser")
public abstract class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    protected int port;

    protected WebDriver browser;
    protected WebDriverWait await;

    @BeforeEach
    void startBrowser() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI must install chromium and chromium-driver (see .ci/run)");
            }
            assumeTrue(false, "chromium and chromedriver are not installed");
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("ishenim-chromium"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        await = new WebDriverWait(browser, Duration.ofSeconds(10));
        // A wait that reads an element while the page is being replaced (a form post, an htmx swap) retries.
        await.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Waits until the rows of a search as you type (the {@code tbody} with id {@code rowsId}) answer {@code query}
     * and htmx has finished swapping them. Counting rows is not enough: the rows of the page as first loaded, or of
     * an earlier keystroke, may already have the count, and be replaced a moment later under the test's hands.
     */
    protected void awaitRows(String rowsId, String query) {
        await.until(d -> query.equals(d.findElement(By.id(rowsId)).getAttribute("data-query")) && htmxIdle(d));
    }

    /** No htmx request in flight and no swap settling anywhere on the page. */
    protected static boolean htmxIdle(WebDriver d) {
        return d.findElements(By.cssSelector(".htmx-request, .htmx-swapping, .htmx-settling")).isEmpty();
    }

    /** Waits until the element with this id has the keyboard focus (autofocus is applied after the page loads). */
    protected void awaitFocus(String id) {
        await.until(d -> id.equals(d.switchTo().activeElement().getAttribute("id")));
    }

    /** Waits for the next page (after a click or a form post): the old page's element goes stale. */
    protected void awaitNewPage(org.openqa.selenium.WebElement onOldPage) {
        await.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(onOldPage));
    }

    protected void login(String user, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await.until(d -> !d.getCurrentUrl().contains("/login"));
    }
}
