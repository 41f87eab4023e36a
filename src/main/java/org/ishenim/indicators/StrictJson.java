package org.ishenim.indicators;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Strict reading of the monthly report's JSON ({@link MonthlyContribution.Payload}, {@link TreatmentDemandPart}): each
 * wrong field adds an error under its name to {@code errors}; no message repeats what the sender wrote.
 */
final class StrictJson {

    private StrictJson() {
    }

    /** An error under {@code field} when {@code node} has a field outside {@code allowed}. */
    static void only(JsonNode node, Set<String> allowed, String field, Map<String, String> errors) {
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                // the unknown name is not repeated: it is text the sender chose
                errors.put(field, "Only the fields " + allowed.stream().sorted().toList() + " are allowed.");
            }
        }
    }

    /** The string, or null when absent (no error) or not a string (an error). */
    static String text(JsonNode node, String name, String field, Map<String, String> errors) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            errors.put(field, "A string.");
            return null;
        }
        return v.stringValue();
    }

    /** The whole number, or null when absent (no error) or not a whole number within a long (an error). */
    static Long whole(JsonNode node, String name, String field, Map<String, String> errors) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            errors.put(field, "A whole number.");
            return null;
        }
        return v.longValue();
    }
}
