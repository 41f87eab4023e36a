package org.ishenim.audit;

/**
 * The result of recomputing the chain. When it is not valid, {@code firstBadSeq} names the first sequence
 * number that was edited, deleted or moved, and {@code reason} says which check failed.
 */
public record AuditVerification(boolean valid, long entries, String headHash, Long firstBadSeq, String reason) {
}
