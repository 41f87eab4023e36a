package org.ishenim.indicators;

import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.indicators.exchange.Dhis2Client;
import org.ishenim.indicators.exchange.Dhis2ImportException;
import org.ishenim.indicators.exchange.IndicatorSet;
import org.ishenim.indicators.exchange.ReportingPeriod;
import org.ishenim.indicators.exchange.UnprotectedCellException;
import org.ishenim.web.HubOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Send to DHIS2" on the national page (docs/indicators.md, "Exports"): the hub's analyst sends a month's published
 * tables, every organisation unit in one import, through {@link Dhis2Client} (both dry runs first; only if DHIS2 would
 * accept every value, the values with {@code CREATE_AND_UPDATE}, then the deletion of the cells suppressed now). The
 * page shows the outcome; the send is audited ({@code report.national.dhis2}) with the month and DHIS2's counts, or the
 * reason it failed. Analysts only: viewers see the page but cannot send.
 */
@Controller
@HubOnly
@PreAuthorize("hasRole('ANALYST')")
class NationalDhis2Send {

    /** What the page shows after a send: the period ({@code 2026-03} or {@code 2026}), and the counts or the failure. */
    record Outcome(String month, boolean sent, int imported, int updated, int deleted, int ignored,
            String failure, int httpStatus, int conflicts, boolean partlyWritten) {

        static Outcome sent(String month, List<Dhis2Client.StepResult> results) {
            int imported = 0;
            int updated = 0;
            int deleted = 0;
            int ignored = 0;
            for (Dhis2Client.StepResult r : results) {
                if (r.step() == Dhis2Client.Step.VALUES || r.step() == Dhis2Client.Step.DELETIONS) {
                    imported += r.imported();
                    updated += r.updated();
                    deleted += r.deleted();
                    ignored += r.ignored();
                }
            }
            return new Outcome(month, true, imported, updated, deleted, ignored, null, 0, 0, false);
        }

        static Outcome failed(String month, String failure, int httpStatus, int conflicts, int ignored,
                boolean partlyWritten) {
            return new Outcome(month, false, 0, 0, 0, ignored, failure, httpStatus, conflicts, partlyWritten);
        }

        /** The audit entry's purpose: the month and the figures, codes only. */
        String purpose() {
            return sent ? month + " imported=" + imported + " updated=" + updated + " deleted=" + deleted + " ignored="
                    + ignored + " conflicts=0"
                    : month + " failed=" + failure + " http=" + httpStatus + " conflicts=" + conflicts + " ignored="
                            + ignored;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(NationalDhis2Send.class);

    private final NationalIndicators national;
    private final ObjectProvider<Dhis2Client> dhis2;
    private final AuditLog audit;
    private final TransactionTemplate readOnly;

    NationalDhis2Send(NationalIndicators national, ObjectProvider<Dhis2Client> dhis2, AuditLog audit,
            TransactionTemplate transactions) {
        this.national = national;
        this.dhis2 = dhis2;
        this.audit = audit;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager(), transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Sends the month's published tables, or with {@code period=year} the calendar year's ({@link
     * NationalIndicators#ofYear}: for a yearly data set such as WHO's {@code HIV_AGG_PREV_YEARLY}; it needs the
     * sites' December reports). No database transaction is held while DHIS2 answers: the tables are read first, the
     * audit entry written after.
     */
    @PostMapping("/national-indicators/dhis2")
    String send(@RequestParam YearMonth month, @RequestParam(defaultValue = "month") String period,
            RedirectAttributes redirect) {
        boolean year = period.equals("year");
        String label = year ? Integer.toString(month.getYear()) : month.toString();
        Dhis2Client client = dhis2.getIfAvailable();
        Outcome outcome;
        if (client == null) {
            outcome = Outcome.failed(label, "NOT_CONFIGURED", 0, 0, 0, false);
        } else {
            List<IndicatorSet> sets = readOnly.execute(tx -> year ? yearSets(Year.from(month))
                    : national.of(month).indicatorSets());
            if (sets.isEmpty()) {
                outcome = Outcome.failed(label, "NO_DECEMBER", 0, 0, 0, false);
            } else {
                outcome = send(client, label, sets);
            }
        }
        audit.record("report.national.dhis2", null, outcome.purpose(),
                outcome.sent() ? org.ishenim.audit.Outcome.SUCCESS : org.ishenim.audit.Outcome.FAILED);
        redirect.addFlashAttribute("dhis2Outcome", outcome);
        redirect.addAttribute("month", month.toString());
        return "redirect:/national-indicators#national-dhis2";
    }

    /** The year's indicator sets, or none when no site has sent its December report. */
    private List<IndicatorSet> yearSets(Year year) {
        NationalIndicators.Result r = national.ofYear(year);
        return r.sitesReporting() == 0 ? List.of() : r.indicatorSets(ReportingPeriod.year(year));
    }

    private static Outcome send(Dhis2Client client, String label, List<IndicatorSet> sets) {
        try {
            return Outcome.sent(label, client.send(sets));
        } catch (Dhis2ImportException e) {
            return Outcome.failed(label, e.reason().name(), e.httpStatus(), e.conflicts(), e.ignored(),
                    e.partlyWritten());
        } catch (UnprotectedCellException e) {
            log.error("A national table for {} held an unprotected cell: nothing was sent to DHIS2.", label);
            return Outcome.failed(label, "UNPROTECTED", 0, 0, 0, false);
        }
    }
}
