package org.ishenim.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.ishenim.staff.PasswordRules.Weakness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** NIST SP 800-63B rules: length in code points, a regional blocklist, no user name, no repeats, nothing else. */
class PasswordRulesTest {

    final PasswordRules rules = PasswordRules.shipped();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "aaaaaaaaaa|TOO_SHORT",
            "1234567890|TOO_SHORT",
            "password12|TOO_SHORT",
            "aaaaaaaaaaaa|REPETITIVE",
            "123456789012|REPETITIVE",
            "abcdefghijkl|REPETITIVE",
            "zyxwvutsrqpo|REPETITIVE",
            "abcabcabcabc|REPETITIVE",
            "password1234|COMMON",
            "P@ssw0rd2024|COMMON",
            "qwertyuiop12|COMMON",
            "qwerty123456|COMMON",
            "1q2w3e4r5t6y|COMMON",
            "йцукенгшщзхъ|COMMON",
            "ЙЦУКЕН123456|COMMON",
            "zaq12wsxcde3|COMMON",
            "parol1234567|COMMON",
            "пароль123456|COMMON",
            "bishkek2024!|COMMON",
            "solnyshko123|COMMON",
            "iloveyou1234|COMMON",
    })
    void weakPasswordsAreRefused(String password, Weakness why) {
        assertThat(rules.check("someone", password)).contains(why);
    }

    @Test
    void theUserNameAndItsVariantsAreRefused() {
        assertThat(rules.check("nurse.aigul", "nurse.aigul12345")).contains(Weakness.USERNAME);
        assertThat(rules.check("nurse.aigul", "NURSE.AIGUL!!!")).contains(Weakness.USERNAME);
        assertThat(rules.check("aigulmamatova", "aigulmamatova")).contains(Weakness.USERNAME);
        assertThat(rules.check("aigulmamatova", "avotamamlugia")).contains(Weakness.USERNAME);
        assertThat(rules.check("nurse", "nurse nurse nurse")).contains(Weakness.USERNAME);
    }

    @Test
    void controlCharactersAndBlanksAreRefusedAndLengthCountsCodePoints() {
        assertThat(rules.check("someone", "\0".repeat(12))).contains(Weakness.CONTROL);
        assertThat(rules.check("someone", "long passphrase\u0007here")).contains(Weakness.CONTROL);
        assertThat(rules.check("someone", " ".repeat(12))).contains(Weakness.BLANK);
        assertThat(rules.check("someone", "\u3000".repeat(14))).contains(Weakness.BLANK);
        // six emoji are twelve UTF-16 units but six characters
        assertThat(rules.check("someone", "\uD83D\uDE00\uD83C\uDF35\uD83D\uDC0E\uD83C\uDFD4\uD83D\uDEB2\uD83C\uDF1F"))
                .contains(Weakness.TOO_SHORT);
        assertThat(rules.check("someone", null)).contains(Weakness.TOO_SHORT);
        assertThat(rules.check("someone", "x".repeat(PasswordRules.MAX + 1))).contains(Weakness.TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"violet tractor harbour", "тоо жана көл 2024", "Кара-Балта шамалы", "my horse eats apples",
            "ZpT7#m1kQv9r", "secret-pass-7"})
    void goodPassphrasesAreAcceptedWithoutCompositionRules(String password) {
        assertThat(rules.check("someone", password)).isEmpty();
    }

    @Test
    void theShippedBlocklistHasAFewThousandEntries() {
        assertThat(rules.blocklistSize()).isBetween(2_000, 20_000);
    }

    @ParameterizedTest
    @EnumSource(Weakness.class)
    void everyRefusalIsExplainedInThreeLanguages(Weakness why) throws IOException {
        for (String suffix : new String[] {"", "_ru", "_ky"}) {
            Properties bundle = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/i18n/staff/messages" + suffix + ".properties")) {
                bundle.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(bundle.getProperty("staff.error." + why.code())).as(why + suffix).isNotBlank();
        }
    }
}
