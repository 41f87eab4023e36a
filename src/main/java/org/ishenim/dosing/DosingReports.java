package org.ishenim.dosing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.clients.Client;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientRecords;
import org.ishenim.prescriptions.ClinicCalendar;
import org.ishenim.prescriptions.OatRules;
import org.ishenim.stock.ReportFormats;
import org.ishenim.stock.Sites;
import org.ishenim.web.ClinicOnly;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The reports page, the daily dosing log and the no-show report, as HTML, CSV and PDF. */
@Controller
@ClinicOnly
class DosingReports {

    /** A line of the no-show report. */
    record NoShow(UUID clientId, String uic, String alias, String medicine, int missedDays, LocalDate since,
            String band, List<String> reasons) {
    }

    /** A line of the daily dosing log: the dispensing with the client's pseudonym. */
    record LogLine(Dispensings.Row dispensing, String uic, String alias, int bottlesReturned) {
    }

    private final Dispensings dispensings;
    private final DosingQueue queue;
    private final ClientRecords clients;
    private final ClinicCalendar calendar;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Sites sites;
    private final MissedDoseRule rule;
    private final TransactionTemplate tx;
    private final org.ishenim.web.PlausibleDates dates;

    DosingReports(Dispensings dispensings, DosingQueue queue, ClientRecords clients, ClinicCalendar calendar, AuditLog audit, MessageSource messages, Sites sites,
            OatRules rules, PlatformTransactionManager txm, org.ishenim.web.PlausibleDates dates) {
        this.dates = dates;
        this.dispensings = dispensings;
        this.queue = queue;
        this.clients = clients;
        this.calendar = calendar;
        this.audit = audit;
        this.messages = messages;
        this.sites = sites;
        this.rule = new MissedDoseRule(rules);
        this.tx = new TransactionTemplate(txm);
    }

    /**
     * A report that lists clients is a read of each one's record: one entry per client, so each client's access
     * log shows it, and one without a client when the report is empty.
     */
    private void auditEach(String action, List<UUID> clients, String purpose) {
        if (clients.isEmpty()) {
            audit.record(action, null, purpose, Outcome.SUCCESS);
        }
        clients.stream().distinct().forEach(c -> audit.record(action, c, purpose, Outcome.SUCCESS));
    }

    @GetMapping("/reports")
    @PreAuthorize("hasAnyRole('MANAGER','DOCTOR','PHARMACIST')")
    String index(Model model) {
        model.addAttribute("today", calendar.today());
        model.addAttribute("month", java.time.YearMonth.from(calendar.today()));
        model.addAttribute("sites", sites.all());
        return "reports/index";
    }

    @GetMapping("/reports/dosing")
    @PreAuthorize("hasAnyRole('MANAGER','DOCTOR','PHARMACIST')")
    Object dosingLog(@RequestParam(required = false) LocalDate day, @RequestParam(defaultValue = "html") String format,
            Model model) {
        LocalDate d = day == null ? calendar.today() : dates.clinical().check("day", day);
        var lines = tx.execute(s -> {
            var found = log(d);
            auditEach("report.dosing-log", found.stream().map(l -> l.dispensing().clientId()).toList(), d.toString());
            return found;
        });
        if ("html".equals(format)) {
            model.addAttribute("day", d);
            model.addAttribute("lines", lines);
            return "reports/dosing";
        }
        var time = DateTimeFormatter.ofPattern("HH:mm").withZone(calendar.zone());
        List<String> headers = headers("time", "uic", "alias", "medicine", "doseMg", "days", "totalMg", "observed", "site",
                "by", "bottlesGiven", "bottlesReturned");
        List<List<String>> rows = new ArrayList<>();
        for (var l : lines) {
            var x = l.dispensing();
            rows.add(List.of(time.format(x.dispensedAt()), l.uic(), l.alias(), msg("medicine." + x.medicine()), x.dose().plain(),
                    String.valueOf(x.days()), x.total().plain(), msg(x.observed() ? "common.yes" : "common.no"), x.site(),
                    x.dispensedBy(), String.valueOf(x.bottlesGiven()), String.valueOf(l.bottlesReturned())));
        }
        return export(format, msg("reports.dosing.title") + " · " + d, "dosing-log-" + d, headers, rows);
    }

    /** The day's dispensings with each client's pseudonym: two statements, whatever the number of lines. */
    private List<LogLine> log(LocalDate day) {
        var lines = dispensings.log(day);
        Map<UUID, Client> pseudonyms = new HashMap<>();
        clients.find(lines.stream().map(l -> new ClientId(l.dispensing().clientId())).collect(Collectors.toSet()), null)
                .forEach(c -> pseudonyms.put(c.id().value(), c));
        return lines.stream().map(l -> {
            Client c = pseudonyms.get(l.dispensing().clientId());
            return new LogLine(l.dispensing(), c.uic().value(), c.alias(), l.bottlesReturned());
        }).toList();
    }

    @GetMapping("/reports/no-shows")
    @PreAuthorize("hasAnyRole('MANAGER','DOCTOR','PHARMACIST')")
    Object noShows(@RequestParam(defaultValue = "html") String format, Model model) {
        LocalDate today = calendar.today();
        List<NoShow> report = tx.execute(s -> {
            var rows = queue.rows(today, null);
            Map<UUID, List<String>> reasons = new LinkedHashMap<>();
            for (Object[] r : dispensings.absenceReasons(today.minusDays(60))) {
                reasons.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(r[1] + ": " + r[2]);
            }
            List<NoShow> found = new ArrayList<>();
            for (QueueRow r : rows) {
                int missed = DoseDay.of(today, r).missedDays(); // 0 when a dose covers today
                if (missed == 0) {
                    continue;
                }
                LocalDate since = today.minusDays(missed);
                List<String> why = reasons.getOrDefault(r.clientId(), List.of()).stream()
                        .filter(x -> x.compareTo(since.toString()) >= 0).toList();
                found.add(new NoShow(r.clientId(), r.uic(), r.alias(), r.medicine().name(), missed, since,
                        rule.band(missed).name(), why));
            }
            found.sort((a, b) -> Integer.compare(b.missedDays(), a.missedDays()));
            auditEach("report.no-shows", found.stream().map(NoShow::clientId).toList(), today.toString());
            return found;
        });
        if ("html".equals(format)) {
            model.addAttribute("report", report);
            model.addAttribute("today", today);
            return "reports/no-shows";
        }
        List<String> headers = headers("uic", "alias", "medicine", "missedDays", "since", "band", "reasons");
        List<List<String>> rows = new ArrayList<>();
        for (var n : report) {
            rows.add(List.of(n.uic(), n.alias(), msg("medicine." + n.medicine()), String.valueOf(n.missedDays()),
                    n.since().toString(), msg("dosing.band." + n.band()), String.join("; ", n.reasons())));
        }
        return export(format, msg("reports.noShows.title") + " · " + today, "no-shows-" + today, headers, rows);
    }

    private Object export(String format, String title, String name, List<String> headers, List<List<String>> rows) {
        if ("csv".equals(format)) {
            return download(ReportFormats.csv(headers, rows).getBytes(StandardCharsets.UTF_8), name + ".csv",
                    new MediaType("text", "csv", StandardCharsets.UTF_8));
        }
        return download(ReportFormats.pdf(title, headers, rows), name + ".pdf", MediaType.APPLICATION_PDF);
    }

    private List<String> headers(String... keys) {
        List<String> h = new ArrayList<>();
        for (String k : keys) {
            h.add(msg("reports.col." + k));
        }
        return h;
    }

    private static ResponseEntity<byte[]> download(byte[] body, String filename, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
