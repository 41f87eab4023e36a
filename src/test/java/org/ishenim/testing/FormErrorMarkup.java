package org.ishenim.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

/** What {@code fragments/form-errors} writes for a field to correct, read back from a rendered page. */
public final class FormErrorMarkup {

    private FormErrorMarkup() {
    }

    /** One control, named {@code field}, is marked invalid and described by its message, which is written once. */
    public static void assertFieldError(String page, String field, String message) {
        var marked = Pattern.compile("<(input|select|textarea)[^>]*aria-describedby=\"error-" + Pattern.quote(field)
                + "\"[^>]*>").matcher(page);
        assertThat(marked.find()).as("control described by the message of " + field).isTrue();
        assertThat(marked.group()).contains("name=\"" + field + "\"").contains("aria-invalid=\"true\"");
        assertThat(marked.find()).as("one control for " + field).isFalse();
        var span = Pattern.compile("<span class=\"errors\" id=\"error-" + Pattern.quote(field) + "\">([^<]*)</span>")
                .matcher(page);
        assertThat(span.find()).as("message element of " + field).isTrue();
        assertThat(span.group(1)).isEqualTo(message);
        assertThat(span.find()).as("one message element for " + field).isFalse();
    }

    /** No control of this name carries a mark, and there is no message for it. */
    public static void assertNoFieldError(String page, String field) {
        var m = Pattern.compile("<(input|select|textarea)[^>]*name=\"" + Pattern.quote(field) + "\"[^>]*>")
                .matcher(page);
        assertThat(m.find()).as("control " + field).isTrue();
        do {
            assertThat(m.group()).doesNotContain("aria-invalid").doesNotContain("aria-describedby");
        } while (m.find());
        assertThat(page).doesNotContain("id=\"error-" + field + "\"");
    }
}
