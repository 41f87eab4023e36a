package org.ishenim.indicators;

import java.time.LocalDate;
import java.time.YearMonth;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.web.ClinicOnly;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The clinic's indicators, computed on demand from its records; every read audited as a report. */
@Service
@ClinicOnly
class ClinicIndicators {

    /** Doses given this many days before the first day looked at still cover it (take-home doses, the gap). */
    static final int DOSE_LOOKBACK_DAYS = 31;

    private final ClinicTreatments treatments;
    private final Indicators indicators;
    private final IndicatorRules rules;
    private final AuditLog audit;

    ClinicIndicators(ClinicTreatments treatments, Indicators indicators, IndicatorRules rules, AuditLog audit) {
        this.treatments = treatments;
        this.indicators = indicators;
        this.rules = rules;
        this.audit = audit;
    }

    @Transactional
    ClinicReport report(YearMonth month, LocalDate census, YearMonth cohortFrom, YearMonth cohortTo) {
        LocalDate periodFrom = month.atDay(1);
        LocalDate periodTo = month.plusMonths(1).atDay(1);
        LocalDate until = census.isAfter(month.atEndOfMonth()) ? census : month.atEndOfMonth();
        LocalDate firstDay = earliest(earliest(periodFrom, cohortFrom.atDay(1)), census.minusDays(rules.maxGapDays()));
        var loaded = treatments.load(firstDay.minusDays(DOSE_LOOKBACK_DAYS), recentFrom(census, rules),
                cohortFrom.atDay(1), cohortTo.plusMonths(1).atDay(1), until);
        var clients = loaded.clients();
        audit.record("report.indicators", null, month + " " + census, Outcome.SUCCESS);
        return new ClinicReport(month, census, cohortFrom, cohortTo, indicators.coverage(clients, census),
                indicators.personDays(clients, periodFrom, periodTo),
                indicators.retention(clients, cohortFrom.atDay(1), cohortTo.plusMonths(1).atDay(1), census),
                indicators.doseAdequacy(clients, census), clients.size(), loaded.withoutConsent());
    }

    /** The first day of doses that can cover the census date's window: all IND.11 and IND.14 look at. */
    static LocalDate recentFrom(LocalDate census, IndicatorRules rules) {
        return census.minusDays(rules.maxGapDays() + DOSE_LOOKBACK_DAYS);
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
