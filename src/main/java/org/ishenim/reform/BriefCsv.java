package org.ishenim.reform;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ishenim.reform.guidelines.Compliance;
import org.ishenim.reform.registry.Registry;
import org.ishenim.reform.sentences.SentenceFigures;
import org.ishenim.reform.visits.Commitment;

/**
 * The country brief as one long CSV table ({@code section, year, group, indicator, value}), easy to pivot in a
 * spreadsheet. Text that could run as a formula is prefixed with a quote.
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
                csv.printRecord(c, "articles", a.year() == null ? "all" : a.year(), TabularFile.safe(art.article()),
                        "sentences", art.sentences());
            }
            for (Registry.YearTotal t : b.registry()) {
                csv.printRecord(c, "registry", t.year(), "all", "on_registry", t.onRegistry());
                csv.printRecord(c, "registry", t.year(), "all", "new_registrations", t.newRegistrations());
                csv.printRecord(c, "registry", t.year(), "all", "removals", t.removals());
                csv.printRecord(c, "registry", t.year(), "all", "on_oat", t.onOat() == null ? "" : t.onOat());
            }
            for (Compliance comp : b.compliance()) {
                csv.printRecord(c, "guidelines", "", TabularFile.safe(comp.recommendation().id()), "compliance",
                        comp.level().name().toLowerCase(Locale.ROOT));
            }
            for (Commitment com : b.openCommitments()) {
                csv.printRecord(c, "commitments", "", TabularFile.safe(com.text()),
                        com.overdue(b.today()) ? "overdue" : com.status().name().toLowerCase(Locale.ROOT),
                        com.dueOn() == null ? "" : com.dueOn());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void figures(CSVPrinter csv, String c, String year, String group, SentenceFigures.Figures f)
            throws IOException {
        String g = TabularFile.safe(group);
        csv.printRecord(c, "sentences", year, g, "sentences", f.sentences());
        csv.printRecord(c, "sentences", year, g, "not_diagnosed", f.notDiagnosed());
        csv.printRecord(c, "sentences", year, g, "share_not_diagnosed", String.format(Locale.ROOT, "%.4f", f.shareNotDiagnosed()));
        csv.printRecord(c, "sentences", year, g, "not_examined", f.notExamined());
        csv.printRecord(c, "sentences", year, g, "share_not_examined", String.format(Locale.ROOT, "%.4f", f.shareNotExamined()));
        csv.printRecord(c, "sentences", year, g, "mean_months", String.format(Locale.ROOT, "%.2f", f.meanMonths()));
        csv.printRecord(c, "sentences", year, g, "median_months", String.format(Locale.ROOT, "%.1f", f.medianMonths()));
    }
}
