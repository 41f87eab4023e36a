package org.ishenim.clients;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ishenim.audit.ClientPaths;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.FormErrors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The client pages: list and search, enrolment, and the client's page. */
@Controller
@RequestMapping("/clients")
@ClinicOnly
class ClientPages {

    private final ClientRecords records;
    private final Consents consents;
    private final Clock clock;
    private final ObjectProvider<ClientPagePanel> panels;

    ClientPages(ClientRecords records, Consents consents, Clock clock, ObjectProvider<ClientPagePanel> panels) {
        this.records = records;
        this.consents = consents;
        this.clock = clock;
        this.panels = panels;
    }

    /** The addresses here that name a client: a refused access is audited against that client. */
    @Bean
    static ClientPaths clientPagePaths() {
        return ClientPaths.of("/clients/{clientId}/**");
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST','MANAGER')")
    String list(Model model) {
        return search("", model);
    }

    /**
     * A search is a POST: a UIC or alias in the address would stay in the browser's history on a shared clinic PC
     * and in the access logs of proxies.
     */
    @PostMapping("/search")
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST','MANAGER')")
    String search(@RequestParam(defaultValue = "") String query, Model model) {
        model.addAttribute("query", query);
        model.addAttribute("clients", records.search(query));
        return "clients/list";
    }

    /** The result rows alone, for search as you type (htmx). */
    @PostMapping("/rows")
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST','MANAGER')")
    String rows(@RequestParam(defaultValue = "") String query, Model model) {
        model.addAttribute("query", query);
        model.addAttribute("clients", records.search(query));
        return "clients/list :: rows";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE')")
    String form(Model model) {
        model.addAttribute("form", new EnrolRequest(null, null, null, null, null, null, null, null, null, false,
                Set.of(Purpose.TREATMENT)));
        model.addAttribute("purposes", Purpose.values());
        return "clients/enrol";
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE')")
    String enrol(@RequestParam(required = false) String sex, @RequestParam(required = false) String birthYear,
            @RequestParam(required = false) String motherFirstName, @RequestParam(required = false) String fatherFirstName,
            @RequestParam(required = false) String alias, @RequestParam(required = false) String givenName,
            @RequestParam(required = false) String surname, @RequestParam(required = false) String dateOfBirth,
            @RequestParam(required = false) String phone, @RequestParam(defaultValue = "false") boolean identityConsent,
            @RequestParam(required = false) Set<Purpose> consents, Model model) {
        Integer year = parseInt(birthYear);
        LocalDate dob = parseDate(dateOfBirth);
        var request = new EnrolRequest(sex, year, motherFirstName, fatherFirstName, alias, givenName, surname, dob,
                phone, identityConsent, consents == null ? EnumSet.noneOf(Purpose.class) : consents);
        Map<String, String> errors = request.validate(Year.now(clock));
        if (birthYear != null && !birthYear.isBlank() && year == null) {
            errors.put("birthYear", "birthYear");
        }
        if (dateOfBirth != null && !dateOfBirth.isBlank() && dob == null) {
            errors.put("dateOfBirth", "dateOfBirth");
        }
        if (!errors.isEmpty()) {
            model.addAttribute("form", request);
            FormErrors.show(errors, model);
            model.addAttribute("purposes", Purpose.values());
            return "clients/enrol";
        }
        Client client = records.enrol(request.toEnrolment(Year.now(clock)));
        return "redirect:/clients/" + client.id() + "?enrolled";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST','MANAGER')")
    String page(@PathVariable UUID id, Model model) {
        return show(new ClientId(id), model);
    }

    @PostMapping("/{id}/reveal")
    @PreAuthorize("hasRole('DOCTOR')")
    String reveal(@PathVariable UUID id, @RequestParam(defaultValue = "") String purpose, Model model) {
        var clientId = new ClientId(id);
        if (purpose.isBlank()) {
            model.addAttribute("revealError", "clients.reveal.purposeRequired");
        } else {
            model.addAttribute("revealed", true);
            model.addAttribute("identity", records.reveal(clientId, purpose).orElse(null));
        }
        return show(clientId, model);
    }

    @PostMapping("/{id}/consents")
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE')")
    String give(@PathVariable UUID id, @RequestParam Purpose purpose) {
        consents.give(new ClientId(id), purpose);
        return "redirect:/clients/" + id;
    }

    @PostMapping("/{id}/consents/{purpose}/revoke")
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE')")
    String revoke(@PathVariable UUID id, @PathVariable Purpose purpose) {
        consents.revoke(new ClientId(id), purpose);
        return "redirect:/clients/" + id;
    }

    @PostMapping("/{id}/erasure")
    @PreAuthorize("hasAnyRole('DOCTOR','MANAGER')")
    String erase(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
        if (!confirm) {
            redirect.addFlashAttribute("eraseError", "clients.erase.confirmRequired");
            return "redirect:/clients/" + id;
        }
        records.erase(new ClientId(id), reason);
        redirect.addFlashAttribute("message", "clients.erase.done");
        return "redirect:/clients/" + id;
    }

    private String show(ClientId id, Model model) {
        Client client = records.view(id);
        model.addAttribute("client", client);
        model.addAttribute("consents", consents.of(id));
        model.addAttribute("missingPurposes", EnumSet.complementOf(EnumSet.copyOf(
                consents.of(id).stream().filter(Consent::active).map(Consent::purpose)
                        .collect(java.util.stream.Collectors.toCollection(() -> EnumSet.noneOf(Purpose.class))))));
        // who accessed the record and why tells treatment events: for the care team, not a manager who erases
        if (org.ishenim.web.CurrentStaff.hasAnyRole("DOCTOR", "NURSE", "PHARMACIST")) {
            model.addAttribute("accessLog", records.accessLog(id));
        }
        model.addAttribute("panels", panels.orderedStream().map(p -> p.panelFor(id)).flatMap(Optional::stream).toList());
        model.addAttribute("revealPurposes", RevealPurpose.values());
        model.addAttribute("erasureReasons", ErasureReason.values());
        return "clients/client";
    }

    private static Integer parseInt(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate parseDate(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
