package org.ishenim.dosing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.ishenim.audit.ClientPaths;
import org.ishenim.clients.ClientId;
import org.ishenim.medicines.Milligrams;
import org.ishenim.stock.Sites;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.NotFoundException;
import org.ishenim.web.PageProblems;
import org.ishenim.web.ProblemException;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dosing screen: today's queue with search as you type, and a client's panel with the proposed dose
 * shown large and one confirm button. Works without JavaScript; the idempotency key is generated when the
 * panel renders, so a double submit records one dose.
 */
@Controller
@RequestMapping("/dosing")
@ClinicOnly
class DosingPages {

    private final Dosing dosing;
    private final Sites sites;
    private final org.springframework.context.MessageSource messages;

    DosingPages(Dosing dosing, Sites sites, org.springframework.context.MessageSource messages) {
        this.dosing = dosing;
        this.sites = sites;
        this.messages = messages;
    }

    /** The addresses here that name a client: a refused access is audited against that client. */
    @Bean
    static ClientPaths dosingPagePaths() {
        return ClientPaths.of("/dosing/{clientId}/**");
    }

    /** Labels used on every queue row, resolved once per page rather than once per row. */
    private java.util.Map<String, String> labels() {
        var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        var labels = new java.util.HashMap<String, String>();
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (var m : org.ishenim.medicines.Medicine.values()) {
            keys.add("medicine." + m.name());
        }
        for (var st : QueueEntry.Status.values()) {
            keys.add("dosing.status." + st.name());
        }
        keys.addAll(java.util.List.of("dosing.reason.review-required", "dosing.reason.reinduction-required",
                "dosing.reason.countersign-pending", "dosing.reason.no-treatment-consent", "dosing.alert.half",
                "dosing.alert.countersign"));
        for (String k : keys) {
            labels.put(k, messages.getMessage(k, null, k, locale));
        }
        return labels;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST')")
    String queue(Model model) {
        return search("", model);
    }

    /** A search is a POST, so that no UIC or alias is kept in the browser's history or a proxy's log. */
    @PostMapping("/search")
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST')")
    String search(@RequestParam(defaultValue = "") String query, Model model) {
        List<QueueEntry> queue = dosing.queue(query);
        model.addAttribute("query", query);
        model.addAttribute("queue", queue);
        model.addAttribute("today", dosing.today());
        model.addAttribute("labels", labels());
        model.addAttribute("counts", counts(queue));
        return "dosing/queue";
    }

    /** The queue rows alone, for search as you type (htmx). */
    @PostMapping("/rows")
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST')")
    String rows(@RequestParam(defaultValue = "") String query, Model model) {
        model.addAttribute("query", query);
        model.addAttribute("queue", dosing.queue(query));
        model.addAttribute("labels", labels());
        return "dosing/queue :: rows";
    }

    @GetMapping("/{clientId}")
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST')")
    String panel(@PathVariable UUID clientId, @RequestParam(required = false) String site, Model model) {
        return showPanel(clientId, site, model);
    }

    @PostMapping("/{clientId}")
    @PreAuthorize("hasAnyRole('NURSE','PHARMACIST')")
    String dose(@PathVariable UUID clientId, @RequestParam String idempotencyKey, @RequestParam String doseMg,
            @RequestParam(defaultValue = "0") int takeHomeDays, @RequestParam(required = false) Integer bottlesGiven,
            @RequestParam(defaultValue = "false") boolean observed, @RequestParam(required = false) String site,
            Model model, RedirectAttributes redirect) {
        try {
            dosing.dispense(new DoseRequest(clientId, doseMg, observed, takeHomeDays, bottlesGiven, site), idempotencyKey);
        } catch (ProblemException e) {
            PageProblems.show(e, model);
            model.addAttribute("problemProperties", e.properties());
            if (e.properties().get("dispensedAt") instanceof String at) {
                // the nurse reads the clinic's local time, as in the queue, not a UTC instant
                model.addAttribute("problemAt", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                        .format(java.time.Instant.parse(at).atZone(dosing.zone())));
            }
            return showPanel(clientId, site, model);
        }
        redirect.addFlashAttribute("dosed", clientId);
        return "redirect:/dosing";
    }

    @PostMapping("/{clientId}/review")
    @PreAuthorize("hasRole('DOCTOR')")
    String review(@PathVariable UUID clientId, @RequestParam String doseMg,
            @RequestParam(defaultValue = "false") boolean reinduction, @RequestParam(defaultValue = "") String reason,
            Model model) {
        try {
            dosing.review(new ClientId(clientId), Milligrams.of(doseMg), reinduction, reason);
        } catch (ProblemException e) {
            PageProblems.show(e, model);
            return showPanel(clientId, null, model);
        } catch (IllegalArgumentException e) {
            PageProblems.invalid(e, model);
            return showPanel(clientId, null, model);
        }
        return "redirect:/dosing/" + clientId;
    }

    @PostMapping("/{clientId}/returns")
    @PreAuthorize("hasAnyRole('NURSE','PHARMACIST')")
    String returns(@PathVariable UUID clientId, @RequestParam UUID dispensingId, @RequestParam(defaultValue = "0") int bottles,
            Model model, RedirectAttributes redirect) {
        dosing.requireDispensingOf(new ClientId(clientId), dispensingId);
        try {
            dosing.returnBottles(dispensingId, bottles);
        } catch (ProblemException e) {
            PageProblems.show(e, model);
            return showPanel(clientId, null, model);
        }
        redirect.addFlashAttribute("message", "dosing.returns.saved");
        return "redirect:/dosing/" + clientId;
    }

    @PostMapping("/{clientId}/absence")
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE')")
    String absence(@PathVariable UUID clientId, @RequestParam LocalDate day, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        dosing.absenceReason(new ClientId(clientId), day, reason);
        redirect.addFlashAttribute("message", "dosing.absence.saved");
        return "redirect:/dosing/" + clientId;
    }

    private String showPanel(UUID clientId, String site, Model model) {
        QueueEntry line = dosing.line(new ClientId(clientId));
        if (line == null) {
            throw new NotFoundException("not-in-queue", "This client is not expected today.");
        }
        model.addAttribute("e", line);
        model.addAttribute("openBottles", dosing.openBottles(new ClientId(clientId)));
        model.addAttribute("today", dosing.today());
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("sites", sites.all());
        model.addAttribute("site", site == null || site.isBlank() ? sites.defaultSite().value() : site);
        model.addAttribute("takeHomeOptions", IntStream.rangeClosed(0, line.takeHomeAllowance()).boxed().toList());
        model.addAttribute("quantity", line.proposed() == null ? null
                : line.medicine().quantity(line.proposed()).toPlainString());
        return "dosing/panel";
    }

    private static long[] counts(List<QueueEntry> queue) {
        long[] c = new long[QueueEntry.Status.values().length];
        queue.forEach(e -> c[e.status().ordinal()]++);
        return c;
    }
}
