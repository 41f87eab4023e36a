package org.ishenim.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Pages render in every language, the first-admin hint shows, and the OpenAPI document is served. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PagesTest {

    @Autowired MockMvc mvc;
    @Autowired org.ishenim.staff.StaffAccounts staff;

    String page(String path, String lang, String role) throws Exception {
        return mvc.perform(get(path).param("lang", lang).with(user(role.toLowerCase()).roles(role)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theLoginPageSaysHowToCreateTheFirstAdmin() throws Exception {
        String login = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(login).contains("admin create --username");
    }

    @Test
    void noTemplateUsesStyleAttributesWhichTheCspBlocks() throws Exception {
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/resources/templates"))) {
            var offenders = files.filter(f -> f.toString().endsWith(".html")).filter(f -> {
                try {
                    return java.util.regex.Pattern.compile("\\sstyle=\"").matcher(java.nio.file.Files.readString(f)).find();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertThat(offenders).isEmpty();
        }
    }

    @Test
    void theAccessLogSpeaksThePageLanguage() throws Exception {
        String location = mvc.perform(post("/clients").param("sex", "F").param("birthYear", "1991")
                        .param("motherFirstName", "Айгүл").param("fatherFirstName", "Бакыт").param("alias", "LogLang")
                        .param("consents", "TREATMENT").with(user("nurse").roles("NURSE")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String id = location.replaceAll(".*/clients/([0-9a-f-]{36}).*", "$1");
        mvc.perform(post("/api/v1/clients/" + id + "/erasure").with(user("pharmacist").roles("PHARMACIST")))
                .andExpect(status().isForbidden());
        String ru = page("/clients/" + id, "ru", "NURSE");
        assertThat(ru).contains("Отказано в доступе").contains("Медсестра").contains("Лечение")
                .doesNotContain(">denied ").doesNotContain(">NURSE<");
    }

    @Test
    void aMalformedIdIsRefusedWithoutEchoingIt() throws Exception {
        String body = mvc.perform(get("/api/v1/clients/not-a-uuid-x7q").with(user("nurse").roles("NURSE")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        // the problem's "instance" is the request path (RFC 9457); the detail and errors do not repeat the value
        assertThat(body.replace("\"instance\":\"/api/v1/clients/not-a-uuid-x7q\"", ""))
                .contains("\"id\"").doesNotContain("not-a-uuid-x7q");
        String purpose = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .delete("/api/v1/clients/00000000-0000-0000-0000-000000000001/consents/NOPE-x7q")
                        .with(user("nurse").roles("NURSE")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(purpose.replaceAll("\"instance\":\"[^\"]*\"", ""))
                .contains("\"purpose\"").doesNotContain("NOPE-x7q");
    }

    @Test
    void revealingWithoutAPurposeNamesTheField() throws Exception {
        String location = mvc.perform(post("/clients").param("sex", "M").param("birthYear", "1984")
                        .param("motherFirstName", "Roza").param("fatherFirstName", "Nurlan").param("alias", "NoPurpose")
                        .with(user("nurse").roles("NURSE")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String id = location.replaceAll(".*/clients/([0-9a-f-]{36}).*", "$1");
        String body = mvc.perform(post("/api/v1/clients/" + id + "/reveal").with(user("doctor").roles("DOCTOR")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("\"errors\"").contains("\"purpose\"");
    }

    @Test
    void theUsersPageListsAccounts() throws Exception {
        if (!staff.exists("pages-nurse")) {
            staff.create("pages-nurse", Roles.NURSE, "a long enough password", false);
        }
        for (String lang : new String[] {"en", "ru", "ky"}) {
            assertThat(page("/admin/users", lang, "ADMIN")).contains("pages-nurse").doesNotContain("??");
        }
        // a clinic offers the clinic's roles only; the hub's reform roles could do nothing here
        assertThat(page("/admin/users", "en", "ADMIN")).contains("<option value=\"NURSE\"")
                .doesNotContain("<option value=\"ANALYST\"").doesNotContain("<option value=\"VIEWER\"");
        assertThat(Roles.on("hub")).containsExactly(Roles.ADMIN, Roles.AUDITOR, Roles.ANALYST, Roles.VIEWER);
    }

    @Test
    void everyFoundationPageRendersInEnglishRussianAndKyrgyz() throws Exception {
        for (String lang : new String[] {"en", "ru", "ky"}) {
            assertThat(page("/", lang, "NURSE")).contains("lang=\"" + lang + "\"");
            assertThat(page("/clients", lang, "NURSE")).doesNotContain("??");
            assertThat(page("/clients/new", lang, "NURSE")).doesNotContain("??");
            assertThat(page("/audit", lang, "AUDITOR")).doesNotContain("??");
            assertThat(page("/admin/users", lang, "ADMIN")).doesNotContain("??");
        }
        assertThat(page("/clients/new", "ru", "NURSE")).contains("Имя матери");
        assertThat(page("/clients/new", "ky", "NURSE")).contains("Энесинин аты");
    }

    @Test
    void anInvalidEnrolmentFormComesBackWithItsErrors() throws Exception {
        String body = mvc.perform(post("/clients").param("sex", "M").param("birthYear", "year").param("alias", "")
                        .param("motherFirstName", "Aigul").param("givenName", "Someone")
                        .param("lang", "ru").with(user("nurse").roles("NURSE")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("Исправьте отмеченные поля").contains("Обязательное поле")
                .contains("Личные данные хранятся только с согласия");
    }

    @Test
    void theAuditPageVerifiesTheChain() throws Exception {
        String body = mvc.perform(post("/audit/verify").with(user("auditor").roles("AUDITOR")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("The chain is valid");
    }

    @Test
    void theApiIsDocumentedInOpenApiForAdminsAndAuditorsOnly() throws Exception {
        for (String path : java.util.List.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config")) {
            mvc.perform(get(path)).andExpect(status().is3xxRedirection());
            mvc.perform(get(path).with(user("nurse").roles("NURSE"))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/v3/api-docs").with(user("auditor").roles("AUDITOR"))).andExpect(status().isOk());
        String doc = mvc.perform(get("/v3/api-docs").with(user("admin").roles("ADMIN"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(doc).contains("/api/v1/clients").contains("/api/v1/audit/verify");
    }

    @Test
    void aRefusedUserChangeIsExplainedInTheAdminsLanguage() throws Exception {
        var result = mvc.perform(post("/admin/users").param("username", "newnurse").param("role", "NURSE")
                        .param("password", "short").with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(result.getFlashMap().get("error")).isEqualTo("staff.error.password-too-short");
        var badName = mvc.perform(post("/admin/users").param("username", "x").param("role", "NURSE")
                .param("password", "long-enough-password").with(user("admin").roles("ADMIN")).with(csrf())).andReturn();
        assertThat(badName.getFlashMap().get("error")).isEqualTo("staff.error.username");
        String ru = mvc.perform(get("/admin/users").param("lang", "ru").flashAttr("error", "staff.error.password-common")
                .with(user("admin").roles("ADMIN"))).andReturn().getResponse().getContentAsString();
        assertThat(ru).contains("Этот пароль слишком распространён");
    }
}
