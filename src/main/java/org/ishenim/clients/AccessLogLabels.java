package org.ishenim.clients;

import java.util.List;
import org.ishenim.web.ClinicOnly;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The words for an access-log entry's purpose in the reader's language. A purpose is a code, or a code and one
 * argument ({@code TAKE_HOME:2}); it is looked up as an audit purpose, a reveal or erasure code, a consent purpose
 * and a problem code, in that order, and shown as stored when none of them knows it (dates, counts).
 */
@Component("accessLogLabels")
@ClinicOnly
class AccessLogLabels {

    private static final List<String> PREFIXES = List.of("audit.purpose.", "clients.code.", "clients.purpose.", "problem.");
    /** A consent entry's purpose is a consent purpose ({@code CONTACT}: by phone), not a reveal code. */
    private static final List<String> CONSENT_PREFIXES = List.of("clients.purpose.");

    private final MessageSource messages;

    AccessLogLabels(MessageSource messages) {
        this.messages = messages;
    }

    public String purpose(String action, String purpose) {
        if (purpose == null || purpose.isBlank()) {
            return "";
        }
        int colon = purpose.indexOf(':');
        String code = colon < 0 ? purpose : purpose.substring(0, colon);
        Object[] args = colon < 0 ? null : new Object[] {argument(purpose.substring(colon + 1))};
        boolean consent = action != null && action.startsWith("consent.");
        for (String prefix : consent ? CONSENT_PREFIXES : PREFIXES) {
            String text = messages.getMessage(prefix + code, args, null, LocaleContextHolder.getLocale());
            if (text != null) {
                return text;
            }
        }
        return purpose;
    }

    /** A number stays a number, so that a translation may use {@code {0,choice,...}}. */
    private static Object argument(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
