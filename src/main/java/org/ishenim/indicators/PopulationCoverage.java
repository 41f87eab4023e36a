package org.ishenim.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.ishenim.indicators.NationalIndicators.Result;
import org.ishenim.indicators.PopulationEstimates.Estimate;
import org.ishenim.indicators.ProtectedTable.Shown;
import org.ishenim.indicators.exchange.Disaggregation;
import org.ishenim.web.HubOnly;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * HIV.IND.11 against the population (docs/indicators.md, "Coverage against the population"): for the nation and each
 * published region, the <b>published</b> numerator total over the latest population size estimate whose year is at
 * most the census year, with the estimate's year and source, next to the UNAIDS 50 % target. Only published values
 * are used: a suppressed numerator gives a suppressed coverage, never a share worked out from the hidden count, and
 * "other regions" (not an organisation unit) has no estimate.
 */
@Component
@HubOnly
class PopulationCoverage {

    /** One unit's line: its row id, label, numerator (or [c]), the estimate (or none) and the coverage. */
    record Line(String id, String code, String unit, Shown numerator, Estimate estimate, String value) {

        public String numeratorText() {
            return numerator.text();
        }

        public boolean estimated() {
            return estimate != null;
        }

        /** The share, when the numerator is published and an estimate applies. */
        OptionalDouble share() {
            return estimate == null || numerator.suppressed() ? OptionalDouble.empty()
                    : OptionalDouble.of((double) numerator.count().getAsLong() / estimate.size());
        }
    }

    /**
     * The section: the census year (as text, so that no message formats it as a number), its lines, and the chart of
     * the units with an estimate (SVG, or null when none has one).
     */
    record View(String censusYear, List<Line> lines, String chart) {
    }

    private final PopulationEstimates estimates;
    private final MessageSource messages;

    PopulationCoverage(PopulationEstimates estimates, MessageSource messages) {
        this.estimates = estimates;
        this.messages = messages;
    }

    View of(Result r) {
        int year = r.month().getYear();
        Map<String, Estimate> latest = estimates.latestUpTo(year);
        List<Line> lines = new ArrayList<>();
        lines.add(line(r, null, r.nationalOrgUnit(), latest));
        if (r.regional()) {
            for (String row : r.rows()) {
                if (!row.equals(NationalIndicators.OTHER_REGIONS) && !row.equals(NationalIndicators.NO_REGION)) {
                    lines.add(line(r, row, row, latest));
                }
            }
        }
        List<Line> charted = lines.stream().filter(Line::estimated).toList();
        String chart = charted.isEmpty() ? null : NationalCharts.shares(msg("indicators.national.population.chart"),
                charted.stream().map(Line::unit).toList(), charted.stream().map(Line::share).toList(),
                NationalIndicatorPages.COVERAGE_TARGET, msg("indicators.national.target"));
        return new View(Integer.toString(year), lines, chart);
    }

    /** The unit's line; {@code row} is the table row ({@code null}: the nation), {@code code} its org unit code. */
    private Line line(Result r, String row, String code, Map<String, Estimate> latest) {
        Shown numerator = r.entry(ReportMeasure.IND11_NUMERATOR, row, Disaggregation.TOTAL);
        Estimate estimate = latest.get(code);
        String unit = row == null ? msg("indicators.national.unit.national", code) : code;
        String value;
        if (estimate == null) {
            value = msg("indicators.national.population.noEstimate");
        } else if (numerator.suppressed()) {
            value = ProtectedTable.MARK;
        } else {
            value = NationalCharts.percent((double) numerator.count().getAsLong() / estimate.size());
        }
        return new Line(row == null ? "national" : row, code, unit, numerator, estimate, value);
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
