package org.ishenim.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.ishenim.medicines.Substance;

/**
 * A {@link ClinicReport} as lines, the same for the page and the CSV: the indicator's code, the disaggregation and
 * its category (as labels), numerator, denominator (blank where there is none) and value (a percentage, or
 * person-years for IND.12). Unsuppressed: for the clinic's own staff only.
 */
final class IndicatorTables {

    static final String IND11 = "HIV.IND.11";
    static final String IND12 = "HIV.IND.12";
    static final String IND13 = "HIV.IND.13";
    static final String IND14 = "HIV.IND.14";
    static final String CONSENT = "STATISTICS";

    record Line(String indicator, String dimension, String category, Long numerator, Long denominator, String value) {
    }

    private IndicatorTables() {
    }

    /** {@code label} turns a message key (and its arguments) into text in the reader's language. */
    static List<Line> lines(ClinicReport r, Labels label) {
        List<Line> lines = new ArrayList<>();
        Tally on = r.coverage().onTreatment();
        Tally contact = r.coverage().inContact();
        lines.add(share(IND11, label.of("indicators.dim.total"), label.of("indicators.cat.all"), on.total(), contact.total()));
        for (Sex sex : Sex.values()) {
            lines.add(share(IND11, label.of("indicators.dim.sex"), label.of("indicators.cat." + sex),
                    sum(on, s -> s.sex() == sex), sum(contact, s -> s.sex() == sex)));
        }
        for (AgeBand age : AgeBand.values()) {
            lines.add(share(IND11, label.of("indicators.dim.age"), label.of("indicators.cat." + age),
                    sum(on, s -> s.age() == age), sum(contact, s -> s.age() == age)));
        }
        for (Substance substance : Substance.values()) {
            lines.add(share(IND11, label.of("indicators.dim.medicine"), label.of("indicators.cat." + substance),
                    sum(on, s -> s.substance() == substance), contact.total()));
        }

        PersonTime time = r.personTime();
        lines.add(new Line(IND12, label.of("indicators.dim.total"), label.of("indicators.cat.all"), time.totalDays(),
                null, time.personYears().toPlainString()));
        for (Substance substance : Substance.values()) {
            long days = days(time.days(), s -> s.substance() == substance);
            lines.add(new Line(IND12, label.of("indicators.dim.medicine"), label.of("indicators.cat." + substance), days,
                    null, BigDecimal.valueOf(days).divide(PersonTime.DAYS_A_YEAR, 3, RoundingMode.HALF_UP).toPlainString()));
        }

        Retention retention = r.retention();
        lines.add(new Line(IND13, label.of("indicators.dim.cohort"), label.of("indicators.cat.started"),
                (long) retention.cohort(), null, ""));
        for (int month : Retention.MILESTONES) {
            Retention.Point p = retention.at(month);
            lines.add(share(IND13, label.of("indicators.dim.retained"), label.of("indicators.cat.months", month),
                    p.retained(), p.observable()));
        }
        for (int month : Retention.MILESTONES) {
            lines.add(new Line(IND13, label.of("indicators.dim.notYet"), label.of("indicators.cat.months", month),
                    (long) retention.at(month).notYetObservable(), null, ""));
        }

        DoseAdequacy dose = r.adequacy();
        lines.add(share(IND14, label.of("indicators.dim.total"), label.of("indicators.cat.all"), dose.adequate().total(),
                dose.eligible().total()));
        for (Substance substance : Substance.values()) {
            lines.add(share(IND14, label.of("indicators.dim.medicine"), label.of("indicators.cat." + substance),
                    sum(dose.adequate(), s -> s.substance() == substance),
                    sum(dose.eligible(), s -> s.substance() == substance)));
        }
        lines.add(count(IND14, label.of("indicators.dim.leftOut"), label.of("indicators.cat.induction"), dose.inInduction()));
        lines.add(count(IND14, label.of("indicators.dim.leftOut"), label.of("indicators.cat.reducing"), dose.reducing()));
        lines.add(count(IND14, label.of("indicators.dim.leftOut"), label.of("indicators.cat.noDoseStep"), dose.noDoseStep()));

        lines.add(count(CONSENT, label.of("indicators.dim.consent"), label.of("indicators.cat.counted"), r.counted()));
        lines.add(count(CONSENT, label.of("indicators.dim.consent"), label.of("indicators.cat.withoutConsent"),
                r.withoutConsent()));
        return lines;
    }

    /** Message lookup in the reader's language. */
    interface Labels {
        String of(String key, Object... args);
    }

    private static Line share(String indicator, String dimension, String category, int numerator, int denominator) {
        String value = denominator == 0 ? "" : BigDecimal.valueOf(numerator * 100L)
                .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP).toPlainString();
        return new Line(indicator, dimension, category, (long) numerator, (long) denominator, value);
    }

    private static Line count(String indicator, String dimension, String category, int n) {
        return new Line(indicator, dimension, category, (long) n, null, "");
    }

    private static int sum(Tally tally, Predicate<Stratum> which) {
        return tally.counts().entrySet().stream().filter(e -> which.test(e.getKey())).mapToInt(Map.Entry::getValue).sum();
    }

    private static long days(Map<Stratum, Long> days, Predicate<Stratum> which) {
        return days.entrySet().stream().filter(e -> which.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

}
