package org.ishenim.indicators;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.ishenim.indicators.NationalIndicators.Result;
import org.ishenim.indicators.ProtectedTable.Shown;
import org.ishenim.indicators.exchange.Disaggregation;
import org.ishenim.web.HubOnly;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The national page's trends (docs/indicators.md, "Trends"): for each of the {@value #MONTHS} months up to the chosen
 * one, the sites reporting, the IND.11 numerator, the service denominator and national service coverage, each month
 * combined and protected by {@link NationalIndicators} exactly as its own page is (one combination per month). Only
 * published values are shown or charted: a suppressed figure is {@code [c]}, and a month without reports says so.
 */
@Component
@HubOnly
class NationalTrends {

    static final int MONTHS = 12;

    /** One month: whether any site reported, how many, and the national figures as published. */
    record Month(YearMonth month, int sites, String numerator, String denominator, String coverage,
            OptionalDouble share, OptionalDouble count) {

        public boolean reported() {
            return sites > 0;
        }
    }

    /** The months, oldest first, and the two charts (coverage line, numerator bars). */
    record View(List<Month> months, String coverageChart, String numeratorChart) {
    }

    private final NationalIndicators national;
    private final MessageSource messages;

    NationalTrends(NationalIndicators national, MessageSource messages) {
        this.national = national;
        this.messages = messages;
    }

    /** The trends of the months up to {@code last}, with {@code current} (its own combination) reused for it. */
    View upTo(YearMonth last, Result current) {
        List<Month> months = new ArrayList<>();
        for (int i = MONTHS - 1; i >= 0; i--) {
            YearMonth m = last.minusMonths(i);
            months.add(month(i == 0 && current != null ? current : national.of(m)));
        }
        List<String> labels = months.stream().map(m -> m.month().toString()).toList();
        List<String> marks = months.stream().map(m -> m.reported() ? ProtectedTable.MARK : "–").toList();
        String coverage = TrendCharts.shareLine(msg("indicators.national.trends.coverageChart"), labels,
                months.stream().map(Month::share).toList(), marks, NationalIndicatorPages.COVERAGE_TARGET,
                msg("indicators.national.target"));
        String numerator = TrendCharts.countBars(msg("indicators.national.trends.numeratorChart"), labels,
                months.stream().map(Month::count).toList(), marks);
        return new View(months, coverage, numerator);
    }

    private static Month month(Result r) {
        if (r.sitesReporting() == 0) {
            return new Month(r.month(), 0, "", "", "", OptionalDouble.empty(), OptionalDouble.empty());
        }
        Shown n = r.entry(ReportMeasure.IND11_NUMERATOR, null, Disaggregation.TOTAL);
        Shown d = r.entry(ReportMeasure.IND11_DENOMINATOR, null, Disaggregation.TOTAL);
        OptionalDouble share = n.suppressed() || d.suppressed() || d.count().getAsLong() == 0 ? OptionalDouble.empty()
                : OptionalDouble.of((double) n.count().getAsLong() / d.count().getAsLong());
        String coverage = share.isPresent() ? NationalCharts.percent(share.getAsDouble())
                : n.suppressed() || d.suppressed() ? ProtectedTable.MARK : "–";
        return new Month(r.month(), r.sitesReporting(), n.text(), d.text(), coverage, share,
                n.suppressed() ? OptionalDouble.empty() : OptionalDouble.of(n.count().getAsLong()));
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
