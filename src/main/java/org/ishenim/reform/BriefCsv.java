package org.ishenim.reform;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ishenim.web.SpreadsheetCells;
import org.ishenim.reform.guidelines.Compliance;
import org.ishenim.reform.registry.Registry;
import org.ishenim.reform.sentences.SentenceFigures;
import org.ishenim.reform.visits.Commitment;

/**
 * The country brief as one long CSV table ({@code section, year, group, indicator, value}), easy to pivot in a
 * spreadsheet. Every cell goes through {@link SpreadsheetCells}: text that could run as a formula gets a quote.
 */
final class BriefCsv {

    static final String[] HEADER = {"country", "section", "year", "group", "indicator", "value"};

    private BriefCsv() {
    }

    static byte[] render(CountryBrief b) {
        var out = new StringWriter();
        try (var csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            String c = b.country().code();
            SentenceFigures.Analysis a = b.sentences();
            for (SentenceFigures.Figures f : a.byYear()) {
                figures(csv, c, f.label(), "all", f);
            }
            for (SentenceFigures.Figures f : a.byRegion()) {
                figures(csv, c, a.year() == null ? "all" : a.year().toString(), f.label(), f);
            }
            for (SentenceFigures.ArticleCount art : a.articles()) {
                row(csv, c, "articles", a.year() == null ? "all" : a.year(), art.article(),
                        "sentences", art.sentences());
            }
            for (Registry.YearTotal t : b.registry()) {
                row(csv, c, "registry", t.year(), "all", "on_registry", t.onRegistry());
                row(csv, c, "registry", t.year(), "all", "new_registrations", t.newRegistrations());
                row(csv, c, "registry", t.year(), "all", "removals", t.removals());
                row(csv, c, "registry", t.year(), "all", "on_oat", t.onOat() == null ? "" : t.onOat());
            }
            for (Compliance comp : b.compliance()) {
                row(csv, c, "guidelines", "", comp.recommendation().id(), "compliance",
                        comp.level().name().toLowerCase(Locale.ROOT));
            }
            for (Commitment com : b.openCommitments()) {
                row(csv, c, "commitments", "", com.text(),
                        com.overdue(b.today()) ? "overdue" : com.status().name().toLowerCase(Locale.ROOT),
                        com.dueOn() == null ? "" : com.dueOn());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Every cell through the one formula guard, whatever its column. */
    private static void row(CSVPrinter csv, Object... cells) throws IOException {
        Object[] safe = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            safe[i] = SpreadsheetCells.safe(cells[i] == null ? null : cells[i].toString());
        }
        csv.printRecord(safe);
    }

    private static void figures(CSVPrinter csv, String c, String year, String group, SentenceFigures.Figures f)
            throws IOException {
        String g = group;
        row(csv, c, "sentences", year, g, "sentences", f.sentences());
        row(csv, c, "sentences", year, g, "not_diagnosed", f.notDiagnosed());
        row(csv, c, "sentences", year, g, "share_not_diagnosed", String.format(Locale.ROOT, "%.4f", f.shareNotDiagnosed()));
        row(csv, c, "sentences", year, g, "not_examined", f.notExamined());
        row(csv, c, "sentences", year, g, "share_not_examined", String.format(Locale.ROOT, "%.4f", f.shareNotExamined()));
        row(csv, c, "sentences", year, g, "mean_months", String.format(Locale.ROOT, "%.2f", f.meanMonths()));
        row(csv, c, "sentences", year, g, "median_months", String.format(Locale.ROOT, "%.1f", f.medianMonths()));
    }
}
