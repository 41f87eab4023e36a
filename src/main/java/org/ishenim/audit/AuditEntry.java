package org.ishenim.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/** One link of the chain. Its hash covers every field and the previous entry's hash. */
record AuditEntry(long seq, Instant occurredAt, String actor, String actorRole, String action, UUID clientId,
        String purpose, Outcome outcome, String prevHash, String hash) {

    static final String GENESIS = "0".repeat(64);

    static AuditEntry link(long seq, Instant at, String actor, String role, String action, UUID clientId,
            String purpose, Outcome outcome, String prevHash) {
        var unsealed = new AuditEntry(seq, at, actor, role, action, clientId, purpose, outcome, prevHash, null);
        return new AuditEntry(seq, at, actor, role, action, clientId, purpose, outcome, prevHash, unsealed.computeHash());
    }

    /** SHA-256 over length-prefixed fields, so that no two different entries share a canonical form. */
    String computeHash() {
        var canonical = new StringBuilder();
        for (Object field : new Object[] {seq, occurredAt.toEpochMilli(), actor, actorRole, action, clientId, purpose,
                outcome, prevHash}) {
            String text = field == null ? "" : field.toString();
            canonical.append(text.length()).append(':').append(text).append('|');
        }
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
