package org.ishenim.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Year;
import java.util.Set;
import org.ishenim.web.InvalidFieldsException;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void clientIdsAreRequiredAndRandom() {
        assertThatThrownBy(() -> new ClientId(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ClientId.random()).isNotEqualTo(ClientId.random());
    }

    @Test
    void identityNeverPrintsItself() {
        var identity = new Identity("Айбек", "Асанов", LocalDate.of(1987, 3, 1), "+996 700 000 000");
        assertThat(identity.toString()).doesNotContain("Айбек").doesNotContain("Асанов").doesNotContain("1987");
        assertThat(new Identity(" ", null, null, "").isEmpty()).isTrue();
    }

    @Test
    void identityRoundTripsThroughItsSealedLayout() {
        var identity = new Identity("Jo:hn", null, LocalDate.of(1990, 1, 2), "12:34");
        assertThat(IdentityVault.decode(IdentityVault.encode(identity))).isEqualTo(identity);
    }

    @Test
    void enrolmentValidationReportsEveryBadField() {
        var request = new EnrolRequest("Q", 2999, "", "123", " ", null, null, null, null, false, Set.of());
        var errors = request.validate(Year.of(2026));
        assertThat(errors).containsOnlyKeys("sex", "birthYear", "motherFirstName", "fatherFirstName", "alias");
        assertThatThrownBy(() -> request.toEnrolment(Year.of(2026))).isInstanceOf(InvalidFieldsException.class);
    }

    @Test
    void identityWithoutConsentIsRefused() {
        var request = new EnrolRequest("M", 1987, "Aigul", "Bakyt", "Sun", "Aibek", null, null, null, false, Set.of());
        assertThat(request.validate(Year.of(2026))).containsOnlyKeys("identityConsent");
    }

    @Test
    void dateOfBirthMustMatchTheBirthYear() {
        var request = new EnrolRequest("M", 1987, "Aigul", "Bakyt", "Sun", null, null, LocalDate.of(1988, 1, 1), null,
                true, Set.of());
        assertThat(request.validate(Year.of(2026))).containsOnlyKeys("dateOfBirth");
    }

    @Test
    void aliasIsTrimmedAndBounded() {
        assertThatThrownBy(() -> new Enrolment(Sex.M, 1987, "A", "B", "x".repeat(61), null, false, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Enrolment(Sex.M, 1987, "A", "B", "  Sun ", null, false, null).alias()).isEqualTo("Sun");
    }
}
