package org.ishenim.reform.guidelines;

import java.util.List;

/**
 * A country's standing on one recommendation, from the provisions mapped to it.
 * <ul>
 * <li>{@code NO_DATA}: no provision mapped yet;</li>
 * <li>{@code CONTRADICTED}: a contradicting provision is in force and no change to it has been drafted;</li>
 * <li>{@code IN_PROGRESS}: a change is drafted or before parliament, or a meeting provision is not yet in force;</li>
 * <li>{@code MET}: no contradicting provision is left in force, and at least one provision meets it or every
 * contradicting one was amended (adopted or implemented).</li>
 * </ul>
 */
public record Compliance(Recommendation recommendation, Level level, List<Provision> provisions) {

    public enum Level {
        NO_DATA, CONTRADICTED, IN_PROGRESS, MET
    }

    /** The standing on each of {@code recommendations}, in their order, from a country's {@code provisions}. */
    static List<Compliance> of(List<Recommendation> recommendations, List<Provision> provisions) {
        return recommendations.stream().map(r -> {
            List<Provision> mapped = provisions.stream().filter(p -> p.recommendationId().equals(r.id())).toList();
            return new Compliance(r, levelOf(mapped), mapped);
        }).toList();
    }

    static Level levelOf(List<Provision> provisions) {
        if (provisions.isEmpty()) {
            return Level.NO_DATA;
        }
        List<Provision> openContradictions = provisions.stream()
                .filter(p -> p.relation() == Relation.CONTRADICTS && !p.status().inForce()).toList();
        if (!openContradictions.isEmpty()) {
            return openContradictions.stream().allMatch(p -> p.status() == ProvisionStatus.NOT_STARTED)
                    ? Level.CONTRADICTED : Level.IN_PROGRESS;
        }
        boolean pendingMeets = provisions.stream()
                .anyMatch(p -> p.relation() == Relation.MEETS && !p.status().inForce());
        boolean anyInForce = provisions.stream().anyMatch(p -> p.status().inForce());
        return anyInForce && !pendingMeets ? Level.MET : Level.IN_PROGRESS;
    }
}
