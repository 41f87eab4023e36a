package org.ishenim.indicators;

import static org.ishenim.indicators.StrictJson.only;
import static org.ishenim.indicators.StrictJson.whole;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ishenim.intake.DemandFigures;
import org.ishenim.web.InvalidFieldsException;
import tools.jackson.databind.JsonNode;

/**
 * The treatment-demand (EUDA TDI) part of a monthly report, field {@code tdi} (docs/indicators.md, "Treatment demand
 * at the hub"): people entering treatment at the site from 1 January to the report's census date, each person once,
 * with the {@code STATISTICS} consent ({@code counted}) and left out for lack of it ({@code withoutConsent}); the
 * non-zero counts by disaggregation, category and status. Aggregates only. A report frozen before this part existed
 * has none (null), and still parses.
 * <p>
 * The JSON: {@code "tdi":{"counted":14,"withoutConsent":2,"cells":[{"dimension":"primaryDrug","category":"HEROIN",
 * "status":"FIRST_EVER","count":3}, ...]}}. Read strictly: no other field, whole numbers, codes from the fixed lists
 * ({@link DemandFigures#CATEGORIES}, {@link DemandFigures#STATUSES}), each cell once, and in every disaggregation
 * the counts add up, by status, to the same totals, whose sum is {@code counted}.
 */
record TreatmentDemandPart(int counted, int withoutConsent, List<Cell> cells) {

    static final int MAX_CELLS = 1_000;
    static final Set<String> FIELDS = Set.of("counted", "withoutConsent", "cells");
    static final Set<String> CELL_FIELDS = Set.of("dimension", "category", "status", "count");
    private static final List<String> DIMENSIONS = List.copyOf(DemandFigures.CATEGORIES.keySet());

    /** The canonical order of cells: disaggregation, category and status in the order of the fixed lists. */
    static final Comparator<Cell> ORDER = Comparator.comparingInt((Cell c) -> DIMENSIONS.indexOf(c.dimension()))
            .thenComparingInt(c -> DemandFigures.CATEGORIES.get(c.dimension()).indexOf(c.category()))
            .thenComparingInt(c -> DemandFigures.STATUSES.indexOf(c.status()));

    /** People in one category of one disaggregation with one status. */
    record Cell(String dimension, String category, String status, long count) {
    }

    TreatmentDemandPart {
        cells = List.copyOf(cells);
        Map<String, String> errors = errors(counted, withoutConsent, cells);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("The treatment-demand part is inconsistent: " + errors.keySet());
        }
        cells = cells.stream().sorted(ORDER).toList();
    }

    static TreatmentDemandPart of(DemandFigures f) {
        return new TreatmentDemandPart(f.counted(), f.withoutConsent(), f.cells().stream()
                .map(c -> new Cell(c.dimension(), c.category(), c.status(), c.count())).toList());
    }

    /** A disaggregation's count for a category and status (0 when the report holds no such cell). */
    long count(String dimension, String category, String status) {
        return cells.stream().filter(c -> c.dimension().equals(dimension) && c.category().equals(category)
                && c.status().equals(status)).mapToLong(Cell::count).sum();
    }

    /** Appends the part to a report's canonical text (for its digest). */
    void appendTo(StringBuilder text) {
        text.append("\ntdi=").append(counted).append('|').append(withoutConsent);
        for (Cell c : cells) {
            text.append("\ntdi/").append(c.dimension()).append('/').append(c.category()).append('/')
                    .append(c.status()).append('=').append(c.count());
        }
    }

    /**
     * The rules, by field: counts from 0 to {@link MonthlyContribution#MAX_CLIENTS}; known codes; each cell once;
     * every disaggregation adding up, by status, to the same totals, whose sum is {@code counted}.
     */
    static Map<String, String> errors(int counted, int withoutConsent, List<Cell> cells) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (counted < 0 || counted > MonthlyContribution.MAX_CLIENTS) {
            errors.put("tdi.counted", "A whole number from 0 to " + MonthlyContribution.MAX_CLIENTS + ".");
        }
        if (withoutConsent < 0 || withoutConsent > MonthlyContribution.MAX_CLIENTS) {
            errors.put("tdi.withoutConsent", "A whole number from 0 to " + MonthlyContribution.MAX_CLIENTS + ".");
        }
        if (cells.size() > MAX_CELLS) {
            errors.put("tdi.cells", "A list of at most " + MAX_CELLS + " cells.");
            return errors;
        }
        Set<String> keys = new HashSet<>();
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (String d : DIMENSIONS) {
            sums.put(d, new long[DemandFigures.STATUSES.size()]);
        }
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            String field = "tdi.cells[" + i + "]";
            List<String> categories = c.dimension() == null ? null : DemandFigures.CATEGORIES.get(c.dimension());
            int status = c.status() == null ? -1 : DemandFigures.STATUSES.indexOf(c.status());
            if (categories == null) {
                errors.put(field + ".dimension", "One of " + DIMENSIONS + ".");
            } else if (c.category() == null || !categories.contains(c.category())) {
                errors.put(field + ".category", "One of the categories of " + c.dimension() + ": " + categories + ".");
            }
            if (status < 0) {
                errors.put(field + ".status", "One of " + DemandFigures.STATUSES + ".");
            }
            if (c.count() < 0 || c.count() > MonthlyContribution.MAX_CLIENTS) {
                errors.put(field + ".count", "A whole number from 0 to " + MonthlyContribution.MAX_CLIENTS + ".");
            }
            if (errors.isEmpty()) {
                if (!keys.add(c.dimension() + "/" + c.category() + "/" + c.status())) {
                    errors.put(field, "A cell already in the report.");
                }
                sums.get(c.dimension())[status] += c.count();
            }
        }
        if (errors.isEmpty()) {
            long[] first = sums.get(DIMENSIONS.get(0));
            long total = java.util.Arrays.stream(first).sum();
            if (total != counted) {
                errors.put("tdi.counted", "The people counted in each disaggregation.");
            }
            for (var e : sums.entrySet()) {
                if (!java.util.Arrays.equals(e.getValue(), first)) {
                    errors.put("tdi.cells", "Every disaggregation adds up, by status, to the same totals ("
                            + e.getKey() + " does not).");
                    break;
                }
            }
        }
        return errors;
    }

    /**
     * Reads the field strictly: null when it is absent or null (a report without the part); otherwise an object with
     * no field but the part's, whole numbers, strings for codes, and the rules of {@link #errors}. Problems are added
     * to {@code errors} under {@code tdi...} (naming the field, never the value sent).
     */
    static TreatmentDemandPart read(JsonNode node, Map<String, String> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            errors.put("tdi", "An object: the treatment-demand part.");
            return null;
        }
        Map<String, String> mine = new LinkedHashMap<>();
        only(node, FIELDS, "tdi", mine);
        Long counted = whole(node, "counted", "tdi.counted", mine);
        Long without = whole(node, "withoutConsent", "tdi.withoutConsent", mine);
        if (counted == null && !mine.containsKey("tdi.counted")) {
            mine.put("tdi.counted", "A whole number.");
        }
        if (without == null && !mine.containsKey("tdi.withoutConsent")) {
            mine.put("tdi.withoutConsent", "A whole number.");
        }
        List<Cell> cells = new ArrayList<>();
        JsonNode list = node.get("cells");
        if (list == null || !list.isArray()) {
            mine.put("tdi.cells", "A list of cells.");
        } else if (list.size() > MAX_CELLS) {
            mine.put("tdi.cells", "A list of at most " + MAX_CELLS + " cells.");
        } else {
            for (int i = 0; i < list.size(); i++) {
                JsonNode c = list.get(i);
                String field = "tdi.cells[" + i + "]";
                if (c == null || !c.isObject()) {
                    mine.put(field, "A cell: an object.");
                    continue;
                }
                only(c, CELL_FIELDS, field, mine);
                Long count = whole(c, "count", field + ".count", mine);
                if (count == null && !mine.containsKey(field + ".count")) {
                    mine.put(field + ".count", "A whole number.");
                }
                cells.add(new Cell(text(c, "dimension", field + ".dimension", mine),
                        text(c, "category", field + ".category", mine), text(c, "status", field + ".status", mine),
                        count == null ? 0 : count));
            }
        }
        if (mine.isEmpty()) {
            if (counted > Integer.MAX_VALUE || without > Integer.MAX_VALUE || counted < 0 || without < 0) {
                mine.put("tdi.counted", "A whole number from 0 to " + MonthlyContribution.MAX_CLIENTS + ".");
            } else {
                mine.putAll(errors(counted.intValue(), without.intValue(), cells));
            }
        }
        if (!mine.isEmpty()) {
            errors.putAll(mine);
            return null;
        }
        return new TreatmentDemandPart(counted.intValue(), without.intValue(), cells);
    }

    /** The part as a checked value, or {@link InvalidFieldsException}: for tests and callers outside a report. */
    static TreatmentDemandPart parse(JsonNode node) {
        Map<String, String> errors = new LinkedHashMap<>();
        TreatmentDemandPart part = read(node, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return part;
    }

    /** A string that must be there: absent or not a string is the same error. */
    private static String text(JsonNode node, String name, String field, Map<String, String> errors) {
        String text = StrictJson.text(node, name, field, errors);
        if (text == null) {
            errors.put(field, "A string.");
        }
        return text;
    }
}
