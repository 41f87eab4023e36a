package org.ishenim.reform.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Compliance levels and provision checks on plain values: no Spring, no database. */
class ComplianceTest {

    static final Recommendation REG = new Recommendation("REG-1", "registry", "No registry of people who use drugs.", 1);
    static final Recommendation OAT = new Recommendation("OAT-3", "oat", "OAT in prisons.", 2);

    static Provision provision(String recommendationId, Relation relation, ProvisionStatus status) {
        return new Provision(UUID.randomUUID(), "KG", "Law", "Art. 1", "text", null, recommendationId, relation, status,
                "analyst1", Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void eachRecommendationInItsOrder_withTheProvisionsMappedToIt() {
        var contradicts = provision("REG-1", Relation.CONTRADICTS, ProvisionStatus.NOT_STARTED);
        var report = Compliance.of(List.of(REG, OAT), List.of(contradicts));
        assertThat(report).extracting(c -> c.recommendation().id()).containsExactly("REG-1", "OAT-3");
        assertThat(report.get(0).provisions()).containsExactly(contradicts);
        assertThat(report.get(0).level()).isEqualTo(Compliance.Level.CONTRADICTED);
        assertThat(report.get(1).provisions()).isEmpty();
        assertThat(report.get(1).level()).isEqualTo(Compliance.Level.NO_DATA);
    }

    @Test
    void contradictedUntilAChangeIsDrafted_metOnceAmended() {
        assertThat(Compliance.levelOf(List.of(provision("REG-1", Relation.CONTRADICTS, ProvisionStatus.DRAFTED))))
                .isEqualTo(Compliance.Level.IN_PROGRESS);
        assertThat(Compliance.levelOf(List.of(provision("REG-1", Relation.CONTRADICTS, ProvisionStatus.ADOPTED))))
                .isEqualTo(Compliance.Level.MET);
    }

    @Test
    void aMeetingProvisionNotYetInForceKeepsItInProgress() {
        assertThat(Compliance.levelOf(List.of(provision("OAT-3", Relation.MEETS, ProvisionStatus.IMPLEMENTED),
                provision("OAT-3", Relation.MEETS, ProvisionStatus.SUBMITTED)))).isEqualTo(Compliance.Level.IN_PROGRESS);
        assertThat(Compliance.levelOf(List.of(provision("OAT-3", Relation.MEETS, ProvisionStatus.IMPLEMENTED))))
                .isEqualTo(Compliance.Level.MET);
    }

    @Test
    void provisionTextNamesEachMissingTooLongOrInvalidField() {
        Map<String, String> errors = new HashMap<>();
        new ProvisionText(" ", "x".repeat(101), null, "javascript:alert(1)", "NOPE", null).check(errors, id -> false);
        assertThat(errors).containsEntry("law", "required").containsEntry("article", "tooLong")
                .containsEntry("quotedText", "required").containsEntry("link", "invalid")
                .containsEntry("recommendationId", "invalid").containsEntry("relation", "required");
        Map<String, String> none = new HashMap<>();
        var text = new ProvisionText("Law", "Art. 1", "text", " https://example.org/law ", "reg-1", Relation.MEETS);
        text.check(none, "REG-1"::equalsIgnoreCase);
        assertThat(none).isEmpty();
        assertThat(text.storedLink()).isEqualTo("https://example.org/law");
        assertThat(new ProvisionText("Law", "Art. 1", "text", " ", "REG-1", Relation.MEETS).storedLink()).isNull();
    }
}
