package org.ishenim.dosing;

import java.time.LocalDate;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.clients.ClientId;
import org.ishenim.prescriptions.ClinicCalendar;
import org.ishenim.prescriptions.Prescribing;
import org.ishenim.web.ClinicOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks missed days: every day up to yesterday on which a client with an active prescription had no dose
 * becomes an absence. It runs at {@code ishenim.oat.absence.cron} in the clinic's zone (default 00:30) and
 * once at start-up, and continues from the last processed day, so it catches up after downtime. Each day
 * is one transaction; running it twice marks nothing twice. {@code cron=-} switches it off.
 */
@Component
@ClinicOnly
class AbsenceJob {

    static final String NAME = "absence";
    private static final Logger log = LoggerFactory.getLogger(AbsenceJob.class);

    private final Dispensings dispensings;
    private final Prescribing prescribing;
    private final ClinicCalendar calendar;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final boolean enabled;

    AbsenceJob(Dispensings dispensings, Prescribing prescribing, ClinicCalendar calendar, AuditLog audit, PlatformTransactionManager txm,
            @Value("${ishenim.oat.absence.cron:0 30 0 * * *}") String cron) {
        this.dispensings = dispensings;
        this.prescribing = prescribing;
        this.calendar = calendar;
        this.audit = audit;
        this.tx = new TransactionTemplate(txm);
        this.enabled = !"-".equals(cron.strip());
    }

    @Scheduled(cron = "${ishenim.oat.absence.cron:0 30 0 * * *}", zone = "${ishenim.clinic.zone:Asia/Bishkek}")
    void scheduled() {
        run();
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUpOnStart() {
        if (enabled) {
            run();
        }
    }

    /** Processes every day after the last processed one up to yesterday. Returns the absences marked. */
    synchronized int run() {
        LocalDate yesterday = calendar.today().minusDays(1);
        LocalDate from = tx.execute(s -> dispensings.jobLastDay(NAME).map(d -> d.plusDays(1))
                .or(prescribing::firstStartDay).orElse(null));
        int total = 0;
        for (LocalDate day = from; day != null && !day.isAfter(yesterday); day = day.plusDays(1)) {
            LocalDate d = day;
            total += tx.execute(s -> {
                int marked = dispensings.markAbsences(d, calendar.now(),
                        prescribing.clientsExpectedOn(d).stream().map(ClientId::value).toList());
                dispensings.jobProcessed(NAME, d);
                audit.recordAs("system", "SYSTEM", "absence.mark", null, d + ": " + marked + " absences", Outcome.SUCCESS);
                return marked;
            });
        }
        if (total > 0) {
            log.info("Absence job: {} missed days marked up to {}", total, yesterday);
        }
        return total;
    }
}
