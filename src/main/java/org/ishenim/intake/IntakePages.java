package org.ishenim.intake;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.ClientPaths;
import org.ishenim.audit.Outcome;
import org.ishenim.clients.Client;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientRecords;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.ClinicZone;
import org.ishenim.web.FormErrors;
import org.ishenim.web.InvalidFieldsException;
import org.ishenim.web.NotFoundException;
import org.ishenim.web.PlausibleDates;
import org.ishenim.web.SpreadsheetCells;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The treatment-entry form (doctors and nurses; server-rendered, no JavaScript needed) and the clinic manager's
 * yearly TDI table with its CSV: the clinic's own figures, unsuppressed, for its staff.
 */
@Controller
@ClinicOnly
class IntakePages {

    private final TreatmentEntries entries;
    private final ClientRecords clients;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;
    private final ClinicZone zone;
    private final PlausibleDates dates;

    IntakePages(TreatmentEntries entries, ClientRecords clients, AuditLog audit,
            MessageSource messages, Clock clock, ClinicZone zone, PlausibleDates dates) {
        this.entries = entries;
        this.clients = clients;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
        this.dates = dates;
    }

    /** The addresses here that name a client: a refused access is audited against that client. */
    @Bean
    static ClientPaths intakePagePaths() {
        return ClientPaths.of("/intake/clients/{clientId}/**");
    }

    @GetMapping("/intake/clients/{id}/entry")
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE')")
    String form(@PathVariable UUID id, Model model) {
        return form(clients.view(new ClientId(id)), EntryForm.empty(today()), model);
    }

    /** Saves the entry and returns to the client's page; with errors, the form again with every answer kept. */
    @PostMapping("/intake/clients/{id}/entry")
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE')")
    String save(@PathVariable UUID id, @ModelAttribute EntryForm form, Model model) {
        Client client = clients.find(new ClientId(id)).orElseThrow(() -> new NotFoundException("No client with this id."));
        try {
            EntryForm.Parsed entry = form.parse(LocalDate.ofInstant(client.enrolledAt(), zone.id()), today());
            entries.record(client.id(), entry.enteredOn(), entry.items());
            return "redirect:/clients/" + id;
        } catch (InvalidFieldsException e) {
            audit.record("intake.write", id, null, Outcome.FAILED);
            FormErrors.show(e, model);
            return form(client, form, model);
        }
    }

    private String form(Client client, EntryForm form, Model model) {
        model.addAttribute("client", client);
        model.addAttribute("form", form);
        model.addAttribute("choices", EntryForm.CHOICES);
        return "intake/form";
    }

    @GetMapping("/indicators/treatment-demand")
    @PreAuthorize("hasRole('MANAGER')")
    Object treatmentDemand(@RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "html") String format, Model model) {
        Year y = year != null ? Year.of(year) : Year.now(clock.withZone(zone.id())).minusYears(1);
        dates.clinical().check("year", y.atDay(1));
        TreatmentDemand.Report report = entries.demand(y);
        if ("csv".equals(format)) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("treatment-demand-" + y + ".csv").build().toString())
                    .body(csv(report).getBytes(StandardCharsets.UTF_8));
        }
        model.addAttribute("report", report);
        return "intake/treatment-demand";
    }

    private String csv(TreatmentDemand.Report report) {
        var out = new StringWriter();
        String[] headers = List.of("dimension", "category", "firstEver", "again", "notKnown", "total").stream()
                .map(k -> msg("intake.demand.col." + k)).toArray(String[]::new);
        try (var printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(headers).get())) {
            printer.printRecord(cells(msg("intake.demand.total"), "", report.total()));
            for (TreatmentDemand.Table t : report.tables()) {
                for (TreatmentDemand.Row r : t.rows()) {
                    printer.printRecord(cells(msg("intake.demand.dimension." + t.dimension()),
                            label(t.dimension(), r.category()), r));
                }
            }
            printer.printRecord(msg("intake.demand.leftOut"), "", "", "", "", Long.toString(report.leftOut()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<String> cells(String dimension, String category, TreatmentDemand.Row r) {
        List<String> cells = new ArrayList<>(List.of(dimension, category, Long.toString(r.firstEver()),
                Long.toString(r.again()), Long.toString(r.notKnown()), Long.toString(r.total())));
        return cells.stream().map(SpreadsheetCells::safe).toList();
    }

    private String label(String dimension, String category) {
        return messages.getMessage("intake." + dimension + "." + category, null, category,
                LocaleContextHolder.getLocale());
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone.id()));
    }
}
