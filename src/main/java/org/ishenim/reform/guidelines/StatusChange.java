package org.ishenim.reform.guidelines;

import java.time.Instant;

/** One entry in a provision's status history: who set which status when, on what evidence, with what note. */
record StatusChange(ProvisionStatus status, String changedBy, Instant changedAt, String evidence, String note) {
}
