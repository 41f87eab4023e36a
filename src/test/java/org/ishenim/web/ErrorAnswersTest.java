package org.ishenim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.StaffFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.ui.Model;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * How failures are answered and logged. A page whose template fails on a value: a 500 page, and the log has the
 * incident line with the exception classes, but neither Thymeleaf's nor Tomcat's stack trace, nor the value (both
 * before any of the page was sent and after the first part had left). A unique key refused by the database after
 * two requests raced past the check: a 409, on the API and on pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ErrorAnswersTest.BrokenPageConfig.class)
@ExtendWith(OutputCaptureExtension.class)
class ErrorAnswersTest {

    static final String VALUE = "Qwmarker Айнура Сыдыкова";

    @Controller
    @PreAuthorize("hasRole('NURSE')")
    static class BrokenPage {
        @GetMapping("/test/broken")
        String broken(@RequestParam(defaultValue = "0") int padding, Model model) {
            model.addAttribute("padding", padding);
            model.addAttribute("value", VALUE);
            return "test/broken";
        }

        @PostMapping("/test/raced")
        String racedPage() {
            throw new DuplicateKeyException("duplicate key value violates unique constraint: (username)=(" + VALUE + ")");
        }
    }

    @RestController
    @PreAuthorize("hasRole('NURSE')")
    static class RacedApi {
        @PostMapping("/api/v1/test/raced")
        String raced() {
            throw new DuplicateKeyException("duplicate key value violates unique constraint: (username)=(" + VALUE + ")");
        }
    }

    @TestConfiguration
    static class BrokenPageConfig {
        @Bean
        BrokenPage brokenPage() {
            return new BrokenPage();
        }

        @Bean
        RacedApi racedApi() {
            return new RacedApi();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts staff;

    @Test
    void aTemplateErrorLogsNoStackTraceAndNoValue(CapturedOutput output) throws Exception {
        StaffFixture.onePerRole(staff);
        // 0 lines: nothing sent yet; 400 lines (~40 KB): the response buffer was flushed before the failure
        for (int padding : new int[] {0, 400}) {
            int before = output.getAll().length();
            int status;
            try {
                status = get("/test/broken?padding=" + padding).statusCode();
            } catch (java.io.IOException aborted) {
                status = -1; // the server aborts a response that failed after it had started
            }
            assertThat(status).as("padding " + padding).isIn(500, -1);
            String log = output.getAll().substring(before);
            assertThat(log).contains("incident").contains("TemplateProcessingException");
            assertThat(log).doesNotContain("Qwmarker").doesNotContain("Айнура").doesNotContain("[THYMELEAF]")
                    .doesNotContain("\tat ").doesNotContain("Servlet.service()");
        }
    }

    @Test
    void aUniqueKeyRefusedByTheDatabaseIsA409OnTheApiAndOnPages() throws Exception {
        StaffFixture.onePerRole(staff);
        var api = new org.ishenim.testing.Http(port).post(StaffFixture.as("nurse"), "/api/v1/test/raced", "{}");
        assertThat(api.status()).isEqualTo(409);
        assertThat(api.body()).contains("urn:ishenim:problem:conflict").doesNotContain("Айнура");
        var browser = new org.ishenim.testing.Http(port).signIn("nurse", StaffFixture.PASSWORD);
        var page = browser.postForm("/test/raced", java.util.Map.of());
        assertThat(page.status()).isEqualTo(409);
        assertThat(page.body()).doesNotContain("Айнура");
    }

    /** Ten admins create the same user at once: one 201, the others 409, never a 500. */
    @Test
    void concurrentCreationsOfOneUserNameAreOne201AndThe409s() throws Exception {
        StaffFixture.onePerRole(staff);
        var http = new org.ishenim.testing.Http(port);
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.post(StaffFixture.as("admin"), "/api/v1/users",
                            "{\"username\":\"raced-name\",\"role\":\"NURSE\",\"password\":\"a-long-enough-pass-phrase\"}")
                            .status();
                }));
            }
            start.countDown();
            var statuses = new java.util.ArrayList<Integer>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    HttpResponse<String> get(String path) throws Exception {
        var browser = new org.ishenim.testing.Http(port).signIn("nurse", StaffFixture.PASSWORD);
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
