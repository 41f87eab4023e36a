package org.ishenim.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

    static final Instant AT = Instant.parse("2026-11-29T08:00:00Z");

    @Test
    void eachHashCoversItsFieldsAndThePreviousHash() {
        var first = AuditEntry.link(1, AT, "nurse", "NURSE", "client.read", UUID.randomUUID(), null, Outcome.SUCCESS,
                AuditEntry.GENESIS);
        var second = AuditEntry.link(2, AT, "nurse", "NURSE", "client.read", null, null, Outcome.SUCCESS, first.hash());
        assertThat(first.hash()).hasSize(64).isEqualTo(first.computeHash());
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(second.hash()).isNotEqualTo(first.hash());
    }

    @Test
    void anyChangedFieldChangesTheHash() {
        var e = AuditEntry.link(7, AT, "doctor", "DOCTOR", "identity.reveal", null, "care", Outcome.SUCCESS, AuditEntry.GENESIS);
        assertThat(new AuditEntry(7, AT, "doctor", "DOCTOR", "identity.reveal", null, "care ", Outcome.SUCCESS,
                e.prevHash(), e.hash()).computeHash()).isNotEqualTo(e.hash());
        assertThat(new AuditEntry(8, AT, "doctor", "DOCTOR", "identity.reveal", null, "care", Outcome.SUCCESS,
                e.prevHash(), e.hash()).computeHash()).isNotEqualTo(e.hash());
        assertThat(new AuditEntry(7, AT.plusMillis(1), "doctor", "DOCTOR", "identity.reveal", null, "care",
                Outcome.SUCCESS, e.prevHash(), e.hash()).computeHash()).isNotEqualTo(e.hash());
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        var a = AuditEntry.link(1, AT, "ab", "C", "x", null, null, Outcome.SUCCESS, AuditEntry.GENESIS);
        var b = AuditEntry.link(1, AT, "a", "bC", "x", null, null, Outcome.SUCCESS, AuditEntry.GENESIS);
        assertThat(a.hash()).isNotEqualTo(b.hash());
    }
}
