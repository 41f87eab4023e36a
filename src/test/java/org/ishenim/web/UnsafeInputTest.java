package org.ishenim.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Locale;
import org.ishenim.medicines.Milligrams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Implausible input the security campaign sent: NUL, a right-to-left override, a BOM, a lone surrogate in any text
 * (page forms and JSON alike), amounts in exponent notation or non-ASCII digits, unknown JSON fields. Each is a 400
 * naming the field, never echoing the value, and on pages in the user's language.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class UnsafeInputTest {

    static final String[] UNSAFE = {"Sunny\u0000", "\u202Eynnus", "\uFEFFSunny", "Sun\uD800ny", "Sun\u200Bny",
            "Sun\u2066ny", "Sun\u061Cny", "Sun\u0007ny", "Sun\u0085ny"};

    @Autowired MockMvc mvc;

    @Test
    void refusedCharactersAreRecognised() {
        for (String s : UNSAFE) {
            assertThat(FreeText.hasRefused(s)).as("%s", s.codePoints().boxed().toList()).isTrue();
            assertThatThrownBy(() -> FreeText.atMost("alias", s, 100)).isInstanceOf(UnsafeTextException.class);
        }
        assertThat(FreeText.atMost("notes", "Жаңыл Үмүт\r\nline two\tand a tab, 😀", 100))
                .isEqualTo("Жаңыл Үмүт\nline two\tand a tab, 😀");
    }

    @Test
    void amountsAreAsciiDigitsInPlainDecimalNotation() {
        assertThat(Milligrams.of(" 37.5 ")).isEqualTo(new Milligrams(new java.math.BigDecimal("37.5")));
        for (String bad : new String[] {"1E2", "1e2", "+5", "\u0661\u0662", "\uFF11\uFF12", "12.", ".5", "0x10", "12,5",
                "-1", "1_000"}) {
            assertThatThrownBy(() -> Milligrams.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aPageFormWithAnUnsafeCharacterIsA400NamingTheFieldInTheUsersLanguage() throws Exception {
        String page = mvc.perform(post("/dosing/search").param("query", "\u202Eabc").with(csrf())
                        .with(user("nurse").roles("NURSE")).locale(Locale.forLanguageTag("ru")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Проверьте: query").contains("управляющие").doesNotContain("\u202E");
        var status = mvc.perform(post("/dosing/search").param("query", "ok\u0000").with(csrf())
                .with(user("nurse").roles("NURSE")).locale(Locale.forLanguageTag("ky"))).andReturn().getResponse();
        assertThat(status.getStatus()).isEqualTo(400);
        assertThat(status.getContentAsString()).contains("Текшериңиз: query");
    }

    @Test
    void jsonWithAnUnsafeStringOrAnUnknownFieldIsA400NamingTheField() throws Exception {
        var unsafe = mvc.perform(post("/api/v1/clients").with(user("nurse").roles("NURSE"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"sex\":\"M\",\"birthYear\":1987,\"motherFirstName\":\"Жаңыл\",\"fatherFirstName\":\"Үмүт\","
                        + "\"alias\":\"\\u202Eynnus\",\"consents\":[\"TREATMENT\"]}")).andReturn().getResponse();
        assertThat(unsafe.getStatus()).isEqualTo(400);
        assertThat(unsafe.getContentAsString()).contains("\"alias\"").contains("invisible").doesNotContain("ynnus");

        var unknown = mvc.perform(post("/api/v1/clients").with(user("nurse").roles("NURSE"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"sex\":\"M\",\"birthYear\":1987,\"motherFirstName\":\"Жаңыл\",\"fatherFirstName\":\"Үмүт\","
                        + "\"alias\":\"Sunny\",\"consents\":[\"TREATMENT\"],\"isAdmin\":true}")).andReturn().getResponse();
        assertThat(unknown.getStatus()).isEqualTo(400);
        assertThat(unknown.getContentAsString()).contains("\"isAdmin\"").contains("Unknown field");
    }
}
