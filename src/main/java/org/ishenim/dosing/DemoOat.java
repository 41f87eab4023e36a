package org.ishenim.dosing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientRecords;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;
import org.ishenim.prescriptions.ClinicCalendar;
import org.ishenim.prescriptions.Prescribing;
import org.ishenim.prescriptions.Prescription;
import org.ishenim.stock.SiteCode;
import org.ishenim.stock.StockLedger;
import org.ishenim.web.ClinicOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo clinic's OAT: a month of stock, prescriptions for most demo clients (methadone 40 to 110 mg,
 * some buprenorphine), and a week of back-entered doses so that today's queue shows clients dosed, due,
 * on half dose, blocked for review or re-induction, awaiting countersignature and on take-home doses. The courses start
 * on the demo clients' enrolment day, 14 days before last month began, and the week up to last month's last day is
 * dosed too, so that last month's report (which the demo's manager sends to the demo hub) counts the clients.
 */
@Component
@Profile("demo")
@ConditionalOnWebApplication
@ClinicOnly
@Order(20)
class DemoOat implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOat.class);
    private static final SiteCode MAIN = new SiteCode("main");

    private final ClientRecords clientRecords;
    private final Prescribing prescribing;
    private final StockLedger stock;
    private final Dispensings dispensings;
    private final AuditLog audit;
    private final ClinicCalendar calendar;
    private final TransactionTemplate tx;

    DemoOat(ClientRecords clientRecords, Prescribing prescribing, StockLedger stock, Dispensings dispensings, AuditLog audit,
            ClinicCalendar calendar, PlatformTransactionManager txm) {
        this.clientRecords = clientRecords;
        this.prescribing = prescribing;
        this.stock = stock;
        this.dispensings = dispensings;
        this.audit = audit;
        this.calendar = calendar;
        this.tx = new TransactionTemplate(txm);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (prescribing.firstStartDay().isPresent()) {
            return;
        }
        List<ClientId> clients = clientRecords.active();
        try {
            as("pharmacist", "ROLE_PHARMACIST");
            stock.receive(MAIN, Medicine.METHADONE_ORAL_10MG_ML, Milligrams.of(600_000), "Republican Centre of Narcology", "MT-2026-01");
            stock.receive(MAIN, Medicine.BUPRENORPHINE_SL_8MG, Milligrams.of(40_000), "Republican Centre of Narcology", "BU-2026-01");
            stock.receive(new SiteCode("east"), Medicine.METHADONE_ORAL_10MG_ML, Milligrams.of(60_000), "Republican Centre of Narcology", "MT-2026-01");
            LocalDate today = calendar.today();
            // the demo's clients were enrolled 14 days before last month began (clients.DemoClients): their courses
            // start that day, and a week of doses up to last month's census date lets its report count them
            LocalDate start = today.withDayOfMonth(1).minusMonths(1).minusDays(14);
            LocalDate census = today.withDayOfMonth(1).minusDays(1);
            int prescribed = 0;
            for (int i = 0; i < clients.size(); i++) {
                if (i % 8 == 7) {
                    continue;
                }
                var client = clients.get(i);
                boolean bup = i % 6 == 1;
                Medicine medicine = bup ? Medicine.BUPRENORPHINE_SL_8MG : Medicine.METHADONE_ORAL_10MG_ML;
                Milligrams dose = bup ? Milligrams.of(8L * (1 + i % 3)) : Milligrams.of(40 + 5L * ((i * 7) % 15));
                int pattern = i % 10;
                int takeHome = pattern == 9 || i % 9 == 2 ? 2 : 0;
                as("doctor", "ROLE_DOCTOR");
                if (i == 3 || i == 33) {
                    prescribing.continueTreatment(client, Medicine.METHADONE_ORAL_10MG_ML, Milligrams.of(130),
                            start, 0, "continued from a previous programme (demo)");
                    prescribed++;
                    continue;
                }
                Prescription p = prescribing.continueTreatment(client, medicine, dose, start, takeHome,
                        "continued from a previous programme (demo)").prescription();
                prescribed++;
                as("nurse", "ROLE_NURSE");
                for (LocalDate day = census.minusDays(6); !day.isAfter(census) && day.isBefore(today.minusDays(7));
                        day = day.plusDays(1)) {
                    backEnter(p, day, 1);
                }
                int lastDayAgo = switch (pattern) {
                    case 6 -> 4;   // three days missed: half dose
                    case 7 -> 5;   // four missed: review
                    case 8 -> 7;   // six missed: re-induction
                    default -> 1;
                };
                for (int ago = 7; ago >= lastDayAgo; ago--) {
                    int days = pattern == 9 && ago == 1 ? 3 : 1;
                    backEnter(p, today.minusDays(ago), days);
                }
                if (pattern <= 1) {
                    backEnter(p, today, 1);
                }
                if (pattern == 7) {
                    dispensings.absenceReason(client.value(), today.minusDays(2), "in hospital (demo)", calendar.now(), "nurse");
                }
            }
            log.info("Demo clinic: {} OAT prescriptions with a week of doses", prescribed);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** A dose from the paper log, entered with its own day and time; its ledger line is written now. */
    private void backEnter(Prescription p, LocalDate day, int days) {
        tx.executeWithoutResult(s -> {
            Instant at = day.atTime(8, 30).atZone(calendar.zone()).toInstant()
                    .plus(Duration.ofMinutes(Math.floorMod(p.id().value().hashCode(), 180)));
            if (at.isAfter(calendar.now())) {
                at = calendar.now();
            }
            Milligrams dose = p.current().dailyDose();
            var row = new Dispensings.Row(UUID.randomUUID(), p.client().value(), p.id().value(), p.current().id(),
                    MAIN.value(), p.medicine(), dose, days, dose.times(days), true,
                    days > 1 && p.medicine().form() == Medicine.Form.ORAL_SOLUTION ? days - 1 : 0, day, at, "nurse");
            dispensings.insert(row);
            for (int d = 0; d < days; d++) {
                dispensings.cover(p.client().value(), day.plusDays(d), row.id());
            }
            stock.dispense(MAIN, p.medicine(), row.total(), row.id());
            audit.record("dose.dispense", p.client().value(), "BACK_ENTERED", Outcome.SUCCESS);
        });
    }

    private static void as(String name, String role) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(name, null, List.of(new SimpleGrantedAuthority(role))));
    }
}
