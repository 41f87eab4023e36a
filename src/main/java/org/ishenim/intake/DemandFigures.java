package org.ishenim.intake;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ishenim.clients.Sex;

/**
 * The clinic's treatment-demand (TDI) counts for the national report, aggregates only: people entering treatment from
 * the first day of {@code through}'s year to {@code through}, each person once (their first entry of the year), with
 * the statistics consent ({@code counted}); {@code withoutConsent} people left out for lack of it. Each cell is a
 * non-zero count of people by one disaggregation ({@link #CATEGORIES}) and status ({@link #STATUSES}).
 */
public record DemandFigures(LocalDate through, int counted, int withoutConsent, List<Cell> cells) {

    /** TDI's split of people entering treatment: first-ever treatment, treated before, not known. */
    public static final List<String> STATUSES = Arrays.stream(TreatmentDemand.Status.values()).map(Enum::name)
            .toList();

    /**
     * The disaggregations, in the clinic table's order, each with every category it may hold (codes: enum names, and
     * the age bands). Every person is in exactly one category of each.
     */
    public static final Map<String, List<String>> CATEGORIES = categories();

    /** People entering treatment in one category of one disaggregation, with one status. */
    public record Cell(String dimension, String category, String status, long count) {
        public Cell {
            Objects.requireNonNull(dimension, "dimension");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(status, "status");
        }
    }

    public DemandFigures {
        Objects.requireNonNull(through, "through");
        cells = List.copyOf(cells);
    }

    static DemandFigures of(LocalDate through, TreatmentDemand.Report report) {
        List<Cell> cells = new java.util.ArrayList<>();
        for (TreatmentDemand.Table t : report.tables()) {
            for (TreatmentDemand.Row r : t.rows()) {
                add(cells, t.dimension(), r.category(), TreatmentDemand.Status.FIRST_EVER, r.firstEver());
                add(cells, t.dimension(), r.category(), TreatmentDemand.Status.AGAIN, r.again());
                add(cells, t.dimension(), r.category(), TreatmentDemand.Status.NOT_KNOWN, r.notKnown());
            }
        }
        return new DemandFigures(through, Math.toIntExact(report.counted()), Math.toIntExact(report.leftOut()),
                cells);
    }

    private static void add(List<Cell> cells, String dimension, String category, TreatmentDemand.Status status,
            long count) {
        if (count > 0) {
            cells.add(new Cell(dimension, category, status.name(), count));
        }
    }

    private static Map<String, List<String>> categories() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("primaryDrug", names(PrimaryDrug.values()));
        c.put("sex", names(Sex.values()));
        c.put("age", TreatmentDemand.AGE_BANDS);
        c.put("route", names(Route.values()));
        c.put("referralSource", names(ReferralSource.values()));
        c.put("everOst", names(YesNo.values()));
        return java.util.Collections.unmodifiableMap(c);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
