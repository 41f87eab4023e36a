package org.ishenim.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ishenim.testing.FormErrorMarkup.assertFieldError;
import static org.ishenim.testing.FormErrorMarkup.assertNoFieldError;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A form error is shown through the one fragment {@code fragments/form-errors} on the pages of several modules:
 * the notice, each field's message from the page's bundle in the user's language, and the field marked
 * {@code aria-invalid} with {@code aria-describedby} pointing at its message. The reform pages (hub role) are
 * checked the same way in {@code ReformAccessTest.aFormErrorIsShownThroughTheSharedFragmentOnTheProvisionsPage}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FormErrorsPagesTest {

    @Autowired MockMvc mvc;

    @Test
    void theEnrolAndStockPagesShowTheirFormErrorsThroughTheSharedFragment() throws Exception {
        // clients: a missing sex, in Russian; what was typed stays in the form, and only the bad field is marked
        MvcResult enrol = mvc.perform(post("/clients").param("lang", "ru").param("birthYear", "1990")
                .param("motherFirstName", "Айгүл").param("fatherFirstName", "Бакыт")
                .param("alias", "Kept-Alias-7")
                .with(user("nurse").roles("NURSE")).with(csrf())).andReturn();
        assertThat(enrol.getResponse().getStatus()).isEqualTo(200);
        String page = enrol.getResponse().getContentAsString();
        assertFieldError(page, "sex", "Обязательное поле.");
        assertThat(page).contains("id=\"form-errors\"").contains("Исправьте отмеченные поля.")
                .contains("value=\"Kept-Alias-7\"");
        assertNoFieldError(page, "alias");

        // stock: a refusal on the form's own page, through the same file's problem fragment, naming the field
        MvcResult stock = mvc.perform(post("/stock/receipts").param("lang", "ky").param("site", "main")
                .param("medicine", "METHADONE_ORAL_10MG_ML").param("amountMg", "10000000000")
                .param("supplier", "Republican pharmacy").param("batch", "B-9")
                .with(user("pharmacist").roles("PHARMACIST")).with(csrf())).andReturn();
        assertThat(stock.getResponse().getStatus()).isEqualTo(400);
        assertThat(stock.getResponse().getContentAsString()).contains("id=\"stock-problem\"")
                .contains("id=\"problem-fields\"").contains("Текшериңиз: amountMg")
                .doesNotContain("10000000000");
    }
}
