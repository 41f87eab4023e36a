package org.ishenim.indicators;

import static org.ishenim.indicators.StrictJson.only;
import static org.ishenim.indicators.StrictJson.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ishenim.medicines.Substance;
import org.ishenim.web.InvalidFieldsException;
import tools.jackson.databind.JsonNode;

/**
 * A clinic's national contribution for one month, version {@code version}: aggregates only (docs/indicators.md, "The
 * monthly report"). IND.11 and IND.14 at the census date (the month's last day), IND.12 over the month, IND.13 for
 * the cohort that started six months before; {@code counted} clients with the {@code STATISTICS} consent,
 * {@code withoutConsent} left out. The region is the clinic's ({@code ishenim.indicators.region}).
 * <p>
 * "Counted elsewhere" (docs/indicators.md, "Counting each client once nationally"): {@code exclusions} says whether the
 * hub's list was applied, refused by the clinic's safeguards, or unavailable; {@code countedElsewhere} consenting
 * clients were left out of the cells and of {@code counted} because another site counts them; {@code bounds} holds,
 * for each bounded measure, how many of them would be in it, given only when they are at least min-cell clients
 * (otherwise {@code boundsBelowMinCell}).
 * <p>
 * {@code withoutCheck} (the range's N, docs/indicators.md "Error bounds"): for each bounded measure, how many of the
 * counted clients in it lack the {@code DUPLICATE_CHECK} consent (IND.12: their days). Empty in a report made before
 * the field existed: unknown, never zero.
 * <p>
 * {@code tdi}: the year-to-date treatment-demand counts ({@link TreatmentDemandPart}), or null in a report without them.
 */
record MonthlyContribution(YearMonth month, int version, LocalDate census, String region, int counted,
        int withoutConsent, List<ReportCell> cells, CountedElsewhere.Status exclusions, int countedElsewhere,
        List<Bound> bounds, boolean boundsBelowMinCell, List<Bound> withoutCheck, TreatmentDemandPart tdi) {

    /** A region code: letters, digits, '-' and '_', at most 40 (empty when the clinic has none configured). */
    static final Pattern REGION = Pattern.compile("[A-Za-z0-9_-]{0,40}");
    static final int MAX_CLIENTS = 10_000_000;
    /** Person-days of a month at a clinic stay far below this. */
    static final long MAX_COUNT = 1_000_000_000L;
    static final int MAX_CELLS = 1_000;
    /** The measures with a bound figure: each indicator's numerator (IND.12: its days). */
    static final List<ReportMeasure> BOUNDED = List.of(ReportMeasure.IND11_NUMERATOR, ReportMeasure.IND12_DAYS,
            ReportMeasure.IND13_RETAINED, ReportMeasure.IND14_NUMERATOR);

    /** How many of the clients left out as counted elsewhere would be in a measure (IND.12: their days). */
    record Bound(ReportMeasure measure, long count) {
        Bound {
            Objects.requireNonNull(measure, "measure");
        }
    }

    MonthlyContribution {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(census, "census");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(exclusions, "exclusions");
        cells = cells.stream().sorted(ReportCell.ORDER).toList();
        bounds = bounds.stream().sorted(java.util.Comparator.comparing(Bound::measure)).toList();
        withoutCheck = withoutCheck.stream().sorted(java.util.Comparator.comparing(Bound::measure)).toList();
        if (version < 1 || counted < 0 || withoutConsent < 0 || !YearMonth.from(census).equals(month)
                || !REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("A report has a positive version, counts of at least 0, a census "
                    + "date in its month and a region code.");
        }
        Set<String> keys = new HashSet<>();
        for (ReportCell cell : cells) {
            if (!keys.add(cell.key())) {
                throw new IllegalArgumentException("A report holds each stratum once.");
            }
        }
        Map<String, String> errors = countedElsewhereErrors(exclusions, countedElsewhere, bounds, boundsBelowMinCell);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("The counted-elsewhere fields are inconsistent: " + errors.keySet());
        }
        if (!withoutCheckErrors(cells, withoutCheck).isEmpty()) {
            throw new IllegalArgumentException("The clients without the duplicate-check consent are inconsistent.");
        }
    }

    /** A report as made before {@code withoutCheck} and {@code tdi} existed (N unknown, no treatment demand). */
    MonthlyContribution(YearMonth month, int version, LocalDate census, String region, int counted,
            int withoutConsent, List<ReportCell> cells, CountedElsewhere.Status exclusions, int countedElsewhere,
            List<Bound> bounds, boolean boundsBelowMinCell) {
        this(month, version, census, region, counted, withoutConsent, cells, exclusions, countedElsewhere, bounds,
                boundsBelowMinCell, List.of(), null);
    }

    /**
     * The rules of {@code withoutCheck}, by field: none (unknown), or each bounded measure once with a count from 0 to
     * the measure's total in the cells.
     */
    static Map<String, String> withoutCheckErrors(List<ReportCell> cells, List<Bound> withoutCheck) {
        Map<String, String> errors = new LinkedHashMap<>();
        Set<ReportMeasure> given = new HashSet<>();
        for (int i = 0; i < withoutCheck.size(); i++) {
            Bound n = withoutCheck.get(i);
            long total = cells.stream().filter(c -> c.measure() == n.measure()).mapToLong(ReportCell::count).sum();
            if (!BOUNDED.contains(n.measure()) || !given.add(n.measure())) {
                errors.put("withoutDuplicateCheck[" + i + "].measure", "Each bounded measure once.");
            } else if (n.count() < 0 || n.count() > total) {
                errors.put("withoutDuplicateCheck[" + i + "].count", "A whole number from 0 to the measure's total.");
            }
        }
        if (given.size() != withoutCheck.size() || !withoutCheck.isEmpty() && given.size() != BOUNDED.size()) {
            errors.putIfAbsent("withoutDuplicateCheck", "Every bounded measure once.");
        }
        return errors;
    }

    /**
     * The rules of the counted-elsewhere fields, by field: nobody is left out unless the list was applied; bounds are
     * given for every bounded measure or for none; given exactly when clients were left out and not marked as fewer
     * than min-cell; a bound of clients is at most the clients left out, a bound of days at most 31 days each.
     */
    static Map<String, String> countedElsewhereErrors(CountedElsewhere.Status exclusions, int countedElsewhere,
            List<Bound> bounds, boolean belowMinCell) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (countedElsewhere < 0 || countedElsewhere > MAX_CLIENTS) {
            errors.put("countedElsewhere", "A whole number from 0 to " + MAX_CLIENTS + ".");
            return errors;
        }
        if (exclusions != CountedElsewhere.Status.APPLIED && (countedElsewhere > 0 || !bounds.isEmpty()
                || belowMinCell)) {
            errors.put("exclusions", "Nobody is left out, and no bound is given, unless the list was APPLIED.");
            return errors;
        }
        Set<ReportMeasure> given = new HashSet<>();
        for (int i = 0; i < bounds.size(); i++) {
            Bound b = bounds.get(i);
            long max = b.measure() == ReportMeasure.IND12_DAYS ? 31L * countedElsewhere : countedElsewhere;
            if (!BOUNDED.contains(b.measure()) || !given.add(b.measure())) {
                errors.put("bounds[" + i + "].measure", "Each of " + BOUNDED.stream()
                        .map(m -> m.indicator() + "/" + m.measure()).toList() + " once.");
            } else if (b.count() < 0 || b.count() > max) {
                errors.put("bounds[" + i + "].count", "A whole number from 0 to the clients left out (IND12: "
                        + "31 days each).");
            }
        }
        if (!bounds.isEmpty() && given.size() != BOUNDED.size()) {
            errors.put("bounds", "Every bounded measure, or none.");
        }
        boolean owed = countedElsewhere > 0;
        if (!owed && (!bounds.isEmpty() || belowMinCell)) {
            errors.put("bounds", "No bound when nobody is left out.");
        } else if (owed && bounds.isEmpty() != belowMinCell) {
            errors.put("boundsBelowMinCell", "Either the bounds or boundsBelowMinCell when clients are left out.");
        }
        return errors;
    }

    /** The report as it travels to the hub (the month is in the path). */
    Payload payload() {
        return new Payload(version, census.toString(), region, counted, withoutConsent, cells.stream()
                .map(c -> new Payload.Cell(c.measure().indicator(), c.measure().measure(), c.sex().name(),
                        c.age().name(), c.medicine() == null ? null : c.medicine().name(), c.count()))
                .toList(), exclusions.name(), countedElsewhere, bounds.stream()
                .map(b -> new Payload.Bound(b.measure().indicator(), b.measure().measure(), b.count())).toList(),
                boundsBelowMinCell, withoutCheck.isEmpty() ? null : withoutCheck.stream()
                        .map(n -> new Payload.Bound(n.measure().indicator(), n.measure().measure(), n.count()))
                        .toList(),
                tdi);
    }

    /**
     * SHA-256 (hex) of the report in a canonical form (cells sorted): the hub recognises a resent report by it, and
     * tells a changed report under the same version from a resent one.
     */
    String digest() {
        StringBuilder text = new StringBuilder().append(month).append('|').append(version).append('|').append(census)
                .append('|').append(region).append('|').append(counted).append('|').append(withoutConsent);
        for (ReportCell cell : cells) {
            text.append('\n').append(cell.key()).append('=').append(cell.count());
        }
        text.append("\nexclusions=").append(exclusions).append('|').append(countedElsewhere).append('|')
                .append(boundsBelowMinCell);
        for (Bound bound : bounds) {
            text.append("\nbound/").append(bound.measure()).append('=').append(bound.count());
        }
        // (a report without N keeps the digest it had before the field existed)
        for (Bound n : withoutCheck) {
            text.append("\nwithoutCheck/").append(n.measure()).append('=').append(n.count());
        }
        if (tdi != null) {
            tdi.appendTo(text);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The report a site sent for {@code month}, checked strictly: every field present, codes exactly as the clinic
     * writes them, each stratum once and by medicine exactly where its measure is, no negative count. A refusal names
     * the fields (never the value sent); nothing is stored.
     */
    static MonthlyContribution fromPayload(YearMonth month, Payload p) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (p == null) {
            throw new InvalidFieldsException(Map.of("body", "A report is required."));
        }
        int version = whole(errors, "version", p.version(), 1, Integer.MAX_VALUE);
        LocalDate census = null;
        try {
            census = p.census() == null ? null : LocalDate.parse(p.census());
        } catch (DateTimeParseException e) {
            census = null;
        }
        if (census == null || !YearMonth.from(census).equals(month)) {
            errors.put("census", "A date (yyyy-mm-dd) in the report's month.");
        }
        if (p.region() == null || !REGION.matcher(p.region()).matches()) {
            errors.put("region", "A region code: letters, digits, '-' and '_', at most 40.");
        }
        int counted = whole(errors, "counted", p.counted(), 0, MAX_CLIENTS);
        int withoutConsent = whole(errors, "withoutConsent", p.withoutConsent(), 0, MAX_CLIENTS);
        List<ReportCell> cells = new ArrayList<>();
        if (p.cells() == null || p.cells().size() > MAX_CELLS) {
            errors.put("cells", "A list of at most " + MAX_CELLS + " cells.");
        } else {
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < p.cells().size(); i++) {
                String field = "cells[" + i + "]";
                Payload.Cell c = p.cells().get(i);
                if (c == null) {
                    errors.put(field, "A cell is required.");
                    continue;
                }
                var measure = ReportMeasure.of(c.indicator(), c.measure());
                Sex sex = exact(Sex.class, c.sex());
                AgeBand age = exact(AgeBand.class, c.age());
                Substance medicine = c.medicine() == null ? null : exact(Substance.class, c.medicine());
                if (measure.isEmpty()) {
                    errors.put(field + ".measure", "One of the report's indicator and measure pairs.");
                } else if (measure.get().byMedicine() ? medicine == null : c.medicine() != null) {
                    errors.put(field + ".medicine", measure.get().byMedicine() ? "One of "
                            + List.of(Substance.values()) + "." : "Absent: this measure is not by medicine.");
                }
                if (sex == null) {
                    errors.put(field + ".sex", "One of " + List.of(Sex.values()) + ".");
                }
                if (age == null) {
                    errors.put(field + ".age", "One of " + List.of(AgeBand.values()) + ".");
                }
                if (c.count() == null || c.count() < 0 || c.count() > MAX_COUNT) {
                    errors.put(field + ".count", "A whole number from 0 to " + MAX_COUNT + ".");
                }
                if (errors.isEmpty()) {
                    ReportCell cell = new ReportCell(measure.get(), sex, age, medicine, c.count());
                    if (!keys.add(cell.key())) {
                        errors.put(field, "A stratum already in the report.");
                    }
                    cells.add(cell);
                }
            }
        }
        CountedElsewhere.Status exclusions = p.exclusions() == null ? null
                : exact(CountedElsewhere.Status.class, p.exclusions());
        if (exclusions == null) {
            errors.put("exclusions", "One of " + List.of(CountedElsewhere.Status.values()) + ".");
        }
        int countedElsewhere = whole(errors, "countedElsewhere", p.countedElsewhere(), 0, MAX_CLIENTS);
        if (p.boundsBelowMinCell() == null) {
            errors.put("boundsBelowMinCell", "true or false.");
        }
        List<Bound> bounds = new ArrayList<>();
        if (p.bounds() == null || p.bounds().size() > BOUNDED.size()) {
            errors.put("bounds", "A list of at most " + BOUNDED.size() + " bounds.");
        } else {
            for (int i = 0; i < p.bounds().size(); i++) {
                Payload.Bound b = p.bounds().get(i);
                var measure = b == null ? Optional.<ReportMeasure>empty() : ReportMeasure.of(b.indicator(), b.measure());
                if (measure.isEmpty() || !BOUNDED.contains(measure.get())) {
                    errors.put("bounds[" + i + "].measure", "One of the bounded measures.");
                } else if (b.count() == null) {
                    errors.put("bounds[" + i + "].count", "A whole number.");
                } else {
                    bounds.add(new Bound(measure.get(), b.count()));
                }
            }
        }
        List<Bound> withoutCheck = withoutCheck(p.withoutDuplicateCheck(), errors);
        if (errors.isEmpty()) {
            errors.putAll(countedElsewhereErrors(exclusions, countedElsewhere, bounds, p.boundsBelowMinCell()));
            errors.putAll(withoutCheckErrors(cells, withoutCheck));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return new MonthlyContribution(month, version, census, p.region(), counted, withoutConsent, cells, exclusions,
                countedElsewhere, bounds, p.boundsBelowMinCell(), withoutCheck, p.tdi());
    }

    /** {@code withoutDuplicateCheck} as sent: absent in a report made before the field (unknown), else a full list. */
    private static List<Bound> withoutCheck(List<Payload.Bound> sent, Map<String, String> errors) {
        List<Bound> withoutCheck = new ArrayList<>();
        if (sent == null) {
            return withoutCheck;
        }
        if (sent.size() != BOUNDED.size()) {
            errors.put("withoutDuplicateCheck", "Every bounded measure once.");
            return withoutCheck;
        }
        for (int i = 0; i < sent.size(); i++) {
            Payload.Bound n = sent.get(i);
            var measure = n == null ? Optional.<ReportMeasure>empty() : ReportMeasure.of(n.indicator(), n.measure());
            if (measure.isEmpty() || !BOUNDED.contains(measure.get())) {
                errors.put("withoutDuplicateCheck[" + i + "].measure", "One of the bounded measures.");
            } else if (n.count() == null) {
                errors.put("withoutDuplicateCheck[" + i + "].count", "A whole number.");
            } else {
                withoutCheck.add(new Bound(measure.get(), n.count()));
            }
        }
        return withoutCheck;
    }

    private static int whole(Map<String, String> errors, String field, Integer value, int min, int max) {
        if (value == null || value < min || value > max) {
            errors.put(field, "A whole number from " + min + " to " + max + ".");
            return min;
        }
        return value;
    }

    private static <E extends Enum<E>> E exact(Class<E> type, String code) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(code)) {
                return constant;
            }
        }
        return null;
    }

    /**
     * The wire form, JSON: {@code {"version":2,"census":"2026-03-31","region":"chui","counted":120,
     * "withoutConsent":7,"cells":[{"indicator":"IND11","measure":"NUMERATOR","sex":"F","age":"UNDER_25",
     * "medicine":"METHADONE","count":3}, ...],"exclusions":"APPLIED","countedElsewhere":14,"bounds":[{"indicator":
 * "IND11","measure":"NUMERATOR","count":9}, ...],"boundsBelowMinCell":false,"withoutDuplicateCheck":[{"indicator":
     * "IND11","measure":"NUMERATOR","count":4}, ...],"tdi":{...}}}. {@code withoutDuplicateCheck} may be absent (a report
     * made before it existed); {@code tdi} is optional ({@link TreatmentDemandPart}, checked as it is read). The hub
     * refuses any other field.
     */
    record Payload(Integer version, String census, String region, Integer counted, Integer withoutConsent,
            List<Cell> cells, String exclusions, Integer countedElsewhere, List<Bound> bounds,
            Boolean boundsBelowMinCell, List<Bound> withoutDuplicateCheck,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            TreatmentDemandPart tdi) {

        static final Set<String> FIELDS = Set.of("version", "census", "region", "counted", "withoutConsent", "cells",
                "exclusions", "countedElsewhere", "bounds", "boundsBelowMinCell", "withoutDuplicateCheck", "tdi");
        static final Set<String> CELL_FIELDS = Set.of("indicator", "measure", "sex", "age", "medicine", "count");
        static final Set<String> BOUND_FIELDS = Set.of("indicator", "measure", "count");

        record Cell(String indicator, String measure, String sex, String age, String medicine, Long count) {
        }

        record Bound(String indicator, String measure, Long count) {
        }

        /**
         * Reads the JSON strictly: an object with no field but the report's, numbers that are whole numbers (never
         * 1.5 or "12"), codes that are strings. What is missing is left null, for {@link #fromPayload} to refuse.
         */
        static Payload read(JsonNode body) {
            Map<String, String> errors = new LinkedHashMap<>();
            if (body == null || !body.isObject()) {
                throw new InvalidFieldsException(Map.of("body", "A JSON object: the month's report."));
            }
            only(body, FIELDS, "body", errors);
            List<Cell> cells = null;
            JsonNode list = body.get("cells");
            if (list != null && !list.isNull()) {
                if (!list.isArray()) {
                    errors.put("cells", "A list of cells.");
                } else {
                    cells = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        JsonNode c = list.get(i);
                        String field = "cells[" + i + "]";
                        if (c == null || !c.isObject()) {
                            errors.put(field, "A cell: an object.");
                            continue;
                        }
                        only(c, CELL_FIELDS, field, errors);
                        Long count = StrictJson.whole(c, "count", field + ".count", errors);
                        cells.add(new Cell(text(c, "indicator", field + ".indicator", errors),
                                text(c, "measure", field + ".measure", errors), text(c, "sex", field + ".sex", errors),
                                text(c, "age", field + ".age", errors), text(c, "medicine", field + ".medicine", errors),
                                count));
                    }
                }
            }
            List<Bound> bounds = bounds(body, "bounds", errors);
            List<Bound> withoutCheck = bounds(body, "withoutDuplicateCheck", errors);
            Boolean belowMinCell = null;
            JsonNode below = body.get("boundsBelowMinCell");
            if (below != null && !below.isNull()) {
                if (!below.isBoolean()) {
                    errors.put("boundsBelowMinCell", "true or false.");
                } else {
                    belowMinCell = below.booleanValue();
                }
            }
            Long version = StrictJson.whole(body, "version", "version", errors);
            Long counted = StrictJson.whole(body, "counted", "counted", errors);
            Long without = StrictJson.whole(body, "withoutConsent", "withoutConsent", errors);
            Long elsewhere = StrictJson.whole(body, "countedElsewhere", "countedElsewhere", errors);
            Payload payload = new Payload(small(version, "version", errors), text(body, "census", "census", errors),
                    text(body, "region", "region", errors), small(counted, "counted", errors),
                    small(without, "withoutConsent", errors), cells, text(body, "exclusions", "exclusions", errors),
                    small(elsewhere, "countedElsewhere", errors), bounds, belowMinCell, withoutCheck,
                    TreatmentDemandPart.read(body.get("tdi"), errors));
            if (!errors.isEmpty()) {
                throw new InvalidFieldsException(errors);
            }
            return payload;
        }

        /** A list of {@code {"indicator","measure","count"}} objects (bounds, or N), or null when absent. */
        private static List<Bound> bounds(JsonNode body, String name, Map<String, String> errors) {
            JsonNode list = body.get(name);
            if (list == null || list.isNull()) {
                return null;
            }
            if (!list.isArray()) {
                errors.put(name, "A list of counts by measure.");
                return null;
            }
            List<Bound> bounds = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode b = list.get(i);
                String field = name + "[" + i + "]";
                if (b == null || !b.isObject()) {
                    errors.put(field, "An object.");
                    continue;
                }
                only(b, BOUND_FIELDS, field, errors);
                bounds.add(new Bound(text(b, "indicator", field + ".indicator", errors),
                        text(b, "measure", field + ".measure", errors),
                        StrictJson.whole(b, "count", field + ".count", errors)));
            }
            return bounds;
        }

        private static Integer small(Long value, String field, Map<String, String> errors) {
            if (value == null) {
                return null;
            }
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                errors.put(field, "A whole number within range.");
                return null;
            }
            return value.intValue();
        }
    }
}
