package org.ishenim.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.ishenim.testing.Http;
import org.ishenim.web.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The password rules hold on every path that sets a password: the users page, the API and {@code admin create}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PasswordPathsTest {

    static final String GOOD = "violet tractor harbour";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired StaffAccounts accounts;
    @Autowired AdminCreateCommand adminCreate;

    @Test
    void theUsersPageRefusesSpacesAndKeepsTheOldPassword() throws Exception {
        UUID id = accounts.create("paths-nurse", Roles.NURSE, GOOD, false);
        mvc.perform(post("/admin/users/" + id + "/password").param("password", " ".repeat(12))
                .with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(flash().attribute("error", "staff.error.password-blank"));
        mvc.perform(post("/admin/users/" + id + "/password").param("password", "paths-nurse12345")
                .with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(flash().attribute("error", "staff.error.password-username"));
        var http = new Http(port);
        assertThat(http.get("paths-nurse:" + " ".repeat(12), "/api/v1/clients").status()).isEqualTo(401);
        assertThat(http.get("paths-nurse:" + GOOD, "/api/v1/clients").status()).isEqualTo(200);
        mvc.perform(post("/admin/users").param("username", "paths-new").param("role", "NURSE")
                .param("password", "1q2w3e4r5t6y").with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(flash().attribute("error", "staff.error.password-common"));
        assertThat(accounts.exists("paths-new")).isFalse();
    }

    @Test
    void theApiRefusesWeakPasswordsWithACode() {
        accounts.create("paths-admin", Roles.ADMIN, GOOD, false);
        var http = new Http(port);
        for (String weak : List.of("aaaaaaaaaaaa", "password1234", "\0".repeat(12), "tiny")) {
            var answer = http.post("paths-admin:" + GOOD, "/api/v1/users",
                    Http.json("username", "paths-api", "role", "NURSE", "password", weak));
            // NUL is refused earlier, by the text check every JSON string passes (400); the rest by the rules (422)
            assertThat(answer.status()).as(weak).isEqualTo(weak.contains("\0") ? 400 : 422);
            assertThat(answer.body()).doesNotContain(weak.strip().isEmpty() ? "\u0000" : weak);
        }
        assertThat(accounts.exists("paths-api")).isFalse();
    }

    @Test
    void adminCreateRefusesWeakPasswords() {
        var err = new ByteArrayOutputStream();
        int code = adminCreate.run(List.of("--username", "paths-cli"),
                new ByteArrayInputStream("qwerty123456\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("common");
        assertThat(accounts.exists("paths-cli")).isFalse();
    }
}
