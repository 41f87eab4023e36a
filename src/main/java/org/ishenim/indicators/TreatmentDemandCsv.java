package org.ishenim.indicators;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ishenim.indicators.NationalTreatmentDemand.Result;
import org.ishenim.indicators.ProtectedTable.Shown;
import org.ishenim.web.SpreadsheetCells;

/**
 * The national treatment-demand table as CSV: a line per disaggregation and category, with its TDI category
 * ({@link TdiCodes}) and the people by status and in total, as published ({@code [c]} when suppressed); then the
 * people counted and left out for lack of consent. Every cell through {@link SpreadsheetCells}.
 */
final class TreatmentDemandCsv {

    private TreatmentDemandCsv() {
    }

    static String write(Result r, Function<String, String> msg) {
        var out = new StringWriter();
        String[] headers = List.of("year", "dimension", "category", "tdiCategory", "firstEver", "again", "notKnown",
                "total").stream().map(k -> msg.apply("indicators.national.tdi.csv." + k)).toArray(String[]::new);
        try (var printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(headers).get())) {
            for (NationalTreatmentDemand.Table t : r.tables()) {
                ProtectedTable p = t.counts();
                for (int i = 0; i <= p.rows().size(); i++) {
                    boolean total = i == p.rows().size();
                    List<String> line = new ArrayList<>(List.of(r.year().toString(), t.dimension(),
                            total ? "total" : p.rows().get(i), total ? "" : TdiCodes.of(t.dimension(),
                                    p.rows().get(i))));
                    for (int j = 0; j <= p.columns().size(); j++) {
                        line.add(p.entry(i, j).text());
                    }
                    printer.printRecord(line.stream().map(SpreadsheetCells::safe).toList());
                }
            }
            printer.printRecord(safe(r.year().toString(), "counted", r.counted()));
            printer.printRecord(safe(r.year().toString(), "withoutConsent", r.withoutConsent()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<String> safe(String year, String what, Shown shown) {
        return List.of(year, what, "", "", "", "", "", shown.text()).stream().map(SpreadsheetCells::safe).toList();
    }
}
