package org.ishenim.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

class AccessLogLabelsTest {

    final StaticMessageSource messages = new StaticMessageSource();
    final AccessLogLabels labels = new AccessLogLabels(messages);

    AccessLogLabelsTest() {
        messages.addMessage("clients.code.CONTACT", Locale.ENGLISH, "Contacting the client");
        messages.addMessage("clients.purpose.CONTACT", Locale.ENGLISH, "Contact by phone");
        messages.addMessage("audit.purpose.TAKE_HOME", Locale.ENGLISH, "with {0,choice,1#1 take-home day|1<{0} take-home days}");
        messages.addMessage("problem.already-dosed", Locale.ENGLISH, "This client has already had today's dose.");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void purposesAreWordsInTheReadersLanguage() {
        assertThat(labels.purpose("identity.reveal", "CONTACT")).isEqualTo("Contacting the client");
        assertThat(labels.purpose("consent.give", "CONTACT")).isEqualTo("Contact by phone");
        assertThat(labels.purpose("dose.dispense", "TAKE_HOME:1")).isEqualTo("with 1 take-home day");
        assertThat(labels.purpose("dose.dispense", "TAKE_HOME:3")).isEqualTo("with 3 take-home days");
        assertThat(labels.purpose("dose.refused", "already-dosed")).isEqualTo("This client has already had today's dose.");
        // what no bundle knows (a date, a count) is shown as stored
        assertThat(labels.purpose("report.dosing-log", "2026-03-10")).isEqualTo("2026-03-10");
        assertThat(labels.purpose("dose.dispense", null)).isEmpty();
    }
}
