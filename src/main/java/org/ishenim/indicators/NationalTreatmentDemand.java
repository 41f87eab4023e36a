package org.ishenim.indicators;

import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ishenim.indicators.HubTreatmentDemand.SitePart;
import org.ishenim.indicators.ProtectedTable.Shown;
import org.ishenim.intake.DemandFigures;
import org.ishenim.web.HubOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hub's national treatment-demand (EUDA TDI) table for a year (docs/indicators.md, "Treatment demand at the
 * hub"): the latest report of each site in the year added up, one table per disaggregation (a row per category, a
 * column per status: first-ever treatment, treated before, not known), every table through {@link Suppression}.
 * <p>
 * The tables share their margins: the column totals (people by status) and the grand total (people counted) are the
 * same in each. So an entry of the margins suppressed in one table is suppressed in every table (and protected there
 * in turn), until no table suppresses a margin another publishes. People left out for lack of consent are published
 * on their own (suppressed from 1 to min-cell − 1), never added to a published figure. National figures only. Every
 * suppression decision is logged (labels, never a value).
 */
@Service
@HubOnly
class NationalTreatmentDemand {

    private static final Logger log = LoggerFactory.getLogger(NationalTreatmentDemand.class);

    private final JdbcClient db;
    private final int minCell;

    NationalTreatmentDemand(JdbcClient db, @Value("${ishenim.indicators.min-cell:11}") int minCell) {
        this.db = db;
        this.minCell = minCell;
    }

    /** One disaggregation's published table: its name (e.g. {@code primaryDrug}) and the protected counts. */
    record Table(String dimension, ProtectedTable counts) {
    }

    /**
     * A year's published figures: how many sites' reports were added, the people counted (the grand total) and left
     * out for lack of consent, and the tables. Nothing here holds an unsuppressed count from 1 to min-cell − 1.
     */
    record Result(Year year, int sitesReporting, Shown counted, Shown withoutConsent, List<Table> tables) {

        /** The figures as the page shows them: texts only ({@code [c]} when suppressed). */
        View view() {
            return new View(year.toString(), sitesReporting, counted.text(), withoutConsent.text(), tables.stream()
                    .map(t -> {
                        ProtectedTable p = t.counts();
                        List<RowView> rows = new ArrayList<>();
                        for (int i = 0; i <= p.rows().size(); i++) {
                            List<String> texts = new ArrayList<>();
                            for (int j = 0; j <= p.columns().size(); j++) {
                                texts.add(p.entry(i, j).text());
                            }
                            rows.add(new RowView(i == p.rows().size() ? null : p.rows().get(i), texts));
                        }
                        return new TableView(t.dimension(), rows);
                    }).toList());
        }
    }

    /** The page's view of a year: every count as published text. */
    record View(String year, int sitesReporting, String counted, String withoutConsent, List<TableView> tables) {
    }

    /** One disaggregation on the page: its rows, the totals row last. */
    record TableView(String dimension, List<RowView> rows) {
    }

    /** A category (null: the totals row) and its entries by status, then its total. */
    record RowView(String category, List<String> cells) {
    }

    @Transactional(readOnly = true)
    Result of(Year year) {
        return combine(year, HubTreatmentDemand.latestIn(db, year), minCell);
    }

    /** The combination itself, pure: the sites' parts in, the published tables out (and their decisions logged). */
    static Result combine(Year year, List<SitePart> parts, int minCell) {
        Map<String, CountTable> counts = new LinkedHashMap<>();
        DemandFigures.CATEGORIES.forEach((dimension, categories) -> {
            int[][] sums = new int[categories.size()][DemandFigures.STATUSES.size()];
            for (SitePart p : parts) {
                for (int i = 0; i < categories.size(); i++) {
                    for (int j = 0; j < DemandFigures.STATUSES.size(); j++) {
                        sums[i][j] = Math.addExact(sums[i][j], Math.toIntExact(
                                p.part().count(dimension, categories.get(i), DemandFigures.STATUSES.get(j))));
                    }
                }
            }
            counts.put(dimension, new CountTable(categories, DemandFigures.STATUSES, sums));
        });
        int columns = DemandFigures.STATUSES.size() + 1;
        boolean[] margin = new boolean[columns];
        Map<String, ProtectedTable> protectedTables;
        while (true) {
            protectedTables = new LinkedHashMap<>();
            boolean[] next = margin.clone();
            for (var e : counts.entrySet()) {
                CountTable t = e.getValue();
                boolean[][] forced = new boolean[t.rowCount() + 1][columns];
                forced[t.rowCount()] = margin.clone();
                ProtectedTable p = Suppression.protect(t, minCell, forced);
                protectedTables.put(e.getKey(), p);
                for (int j = 0; j < columns; j++) {
                    next[j] |= p.entry(t.rowCount(), j).suppressed();
                }
            }
            if (java.util.Arrays.equals(next, margin)) {
                break;
            }
            margin = next;
        }
        List<Table> tables = new ArrayList<>();
        protectedTables.forEach((dimension, p) -> {
            tables.add(new Table(dimension, p));
            for (SuppressionDecision d : p.log()) {
                log.info("national treatment demand {} {}: suppressed [{}] x [{}], {}{}", year, dimension,
                        d.rowLabel(), d.columnLabel(), d.reason(), d.protectsRow() == null ? ""
                                : " protecting [" + d.protectsRow() + "] x [" + d.protectsColumn() + "]");
            }
        });
        ProtectedTable first = tables.get(0).counts();
        Shown counted = first.entry(first.rows().size(), first.columns().size());
        long without = parts.stream().mapToLong(p -> p.part().withoutConsent()).sum();
        Shown withoutConsent = without >= 1 && without < minCell ? Shown.SUPPRESSED : Shown.of(without);
        if (withoutConsent.suppressed()) {
            log.info("national treatment demand {} withoutConsent: suppressed, PRIMARY", year);
        }
        return new Result(year, parts.size(), counted, withoutConsent, List.copyOf(tables));
    }
}
