package org.ishenim.indicators;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.ClinicZone;
import org.ishenim.web.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Freezes last month's report by itself, once: every day ({@code ishenim.indicators.report-schedule}, a cron in the
 * clinic's zone, default 02:30) from day {@code ishenim.indicators.report-freeze-day} of the month (default 3, so that
 * doses entered late on the last days still count), when no version of last month exists yet. Idempotent: a month
 * already frozen, automatically or by the manager, is left alone; a correction is the manager's "freeze and send".
 */
@Component
@ClinicOnly
class MonthlyReportSchedule {

    private static final Logger log = LoggerFactory.getLogger(MonthlyReportSchedule.class);

    private final MonthlyReports reports;
    private final Clock clock;
    private final ClinicZone zone;
    private final int freezeDay;

    MonthlyReportSchedule(MonthlyReports reports, Clock clock, ClinicZone zone,
            @Value("${ishenim.indicators.report-freeze-day:3}") int freezeDay) {
        if (freezeDay < 1 || freezeDay > 28) {
            throw new IllegalStateException("ishenim.indicators.report-freeze-day is a day from 1 to 28.");
        }
        this.reports = reports;
        this.clock = clock;
        this.zone = zone;
        this.freezeDay = freezeDay;
    }

    @Scheduled(cron = "${ishenim.indicators.report-schedule:0 30 2 * * *}", zone = "${ishenim.clinic.zone:Asia/Bishkek}")
    void scheduled() {
        try {
            freezeDue();
        } catch (RuntimeException e) {
            log.warn("Monthly report not frozen ({}); tried again at the next run", e.getClass().getSimpleName());
        }
    }

    /** Freezes last month's report if it is due and not frozen yet; returns the month frozen, if any. */
    Optional<YearMonth> freezeDue() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone.id());
        YearMonth last = YearMonth.from(today).minusMonths(1);
        if (today.getDayOfMonth() < freezeDay || reports.frozen(last)) {
            return Optional.empty();
        }
        try {
            reports.freeze(last);
        } catch (ConflictException e) {
            return Optional.empty(); // frozen at the same moment by the manager
        }
        return Optional.of(last);
    }
}
