package org.ishenim.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FreeTextAndCodesTest {

    enum Colour { DARK_RED, BLUE }

    @Test
    void freeTextIsStrippedBlankIsAbsentAndTheLimitCountsCharacters() {
        assertThat(FreeText.atMost("note", null, 10)).isNull();
        assertThat(FreeText.atMost("note", "   ", 10)).isNull();
        assertThat(FreeText.atMost("note", "  ok  ", 10)).isEqualTo("ok");
        assertThat(FreeText.atMost("note", "ж".repeat(10), 10)).hasSize(10);
        // a textarea's CRLF counts as one character, as the browser's maxlength counted it
        assertThat(FreeText.atMost("note", "a\r\nb", 3)).isEqualTo("a\nb");
        assertThatThrownBy(() -> FreeText.atMost("note", "ж".repeat(11), 10))
                .isInstanceOfSatisfying(InvalidFieldsException.class,
                        e -> assertThat(e.errors()).containsEntry("note", "At most 10 characters."));
        assertThatThrownBy(() -> FreeText.required("reason", " ", 10, "A reason is required."))
                .isInstanceOfSatisfying(InvalidFieldsException.class,
                        e -> assertThat(e.errors()).containsEntry("reason", "A reason is required."));
    }

    @Test
    void codesAreCaseInsensitiveAndAnUnknownOneListsTheCodesWithoutEchoingIt() {
        assertThat(Codes.parse(Colour.class, "colour", "blue")).isEqualTo(Colour.BLUE);
        assertThat(Codes.parse(Colour.class, "colour", " dark-red ")).isEqualTo(Colour.DARK_RED);
        assertThatThrownBy(() -> Codes.parse(Colour.class, "colour", "Aibek's favourite"))
                .isInstanceOfSatisfying(InvalidFieldsException.class,
                        e -> assertThat(e.errors()).containsEntry("colour", "One of DARK_RED, BLUE."));
        assertThatThrownBy(() -> Codes.parse(Colour.class, "colour", null)).isInstanceOf(InvalidFieldsException.class);
    }
}
