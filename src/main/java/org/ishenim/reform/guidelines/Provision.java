package org.ishenim.reform.guidelines;

import java.time.Instant;
import java.util.UUID;

/** A legal provision (law, article, quoted text, link) mapped to the recommendation it meets or contradicts. */
public record Provision(UUID id, String country, String law, String article, String quotedText, String link,
        String recommendationId, Relation relation, ProvisionStatus status, String createdBy, Instant createdAt) {
}
