package org.ishenim.prescriptions;

import java.time.LocalDate;
import java.util.UUID;
import org.ishenim.audit.ClientPaths;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientRecords;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.NotFoundException;
import org.ishenim.web.ProblemException;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A client's prescriptions: history for the team; prescribe, change, countersign and end for doctors. */
@Controller
@RequestMapping("/prescriptions/client/{clientId}")
@ClinicOnly
class PrescriptionPages {

    private final Prescribing prescribing;
    private final ClientRecords clients;

    PrescriptionPages(Prescribing prescribing, ClientRecords clients) {
        this.prescribing = prescribing;
        this.clients = clients;
    }

    /** The addresses here that name a client: a refused access is audited against that client. */
    @Bean
    static ClientPaths prescriptionPagePaths() {
        return ClientPaths.of("/prescriptions/client/{clientId}/**");
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST')")
    String page(@PathVariable UUID clientId, Model model) {
        return show(new ClientId(clientId), model);
    }

    @PostMapping
    @PreAuthorize("hasRole('DOCTOR')")
    String prescribe(@PathVariable UUID clientId, @RequestParam Medicine medicine, @RequestParam String doseMg,
            @RequestParam(required = false) LocalDate startOn, @RequestParam(defaultValue = "0") int takeHomeDays,
            @RequestParam(defaultValue = "") String notes, Model model, RedirectAttributes redirect) {
        return act(clientId, model, redirect, () -> prescribing.prescribe(new ClientId(clientId), medicine,
                Milligrams.of(doseMg), startOn, null, takeHomeDays, notes));
    }

    @PostMapping("/{id}/versions")
    @PreAuthorize("hasRole('DOCTOR')")
    String change(@PathVariable UUID clientId, @PathVariable UUID id, @RequestParam String doseMg,
            @RequestParam(defaultValue = "0") int takeHomeDays, @RequestParam(defaultValue = "") String reason,
            Model model, RedirectAttributes redirect) {
        PrescriptionId prescription = prescribing.requireOf(new ClientId(clientId), new PrescriptionId(id));
        return act(clientId, model, redirect,
                () -> prescribing.changeDose(prescription, Milligrams.of(doseMg), takeHomeDays, reason));
    }

    @PostMapping("/{id}/countersignature")
    @PreAuthorize("hasRole('DOCTOR')")
    String countersign(@PathVariable UUID clientId, @PathVariable UUID id, Model model, RedirectAttributes redirect) {
        PrescriptionId prescription = prescribing.requireOf(new ClientId(clientId), new PrescriptionId(id));
        return act(clientId, model, redirect, () -> prescribing.countersign(prescription));
    }

    @PostMapping("/{id}/end")
    @PreAuthorize("hasRole('DOCTOR')")
    String end(@PathVariable UUID clientId, @PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
            Model model, RedirectAttributes redirect) {
        PrescriptionId prescription = prescribing.requireOf(new ClientId(clientId), new PrescriptionId(id));
        return act(clientId, model, redirect, () -> new Prescribing.Result(prescribing.end(prescription, reason),
                java.util.List.of()));
    }

    private String act(UUID clientId, Model model, RedirectAttributes redirect,
            java.util.function.Supplier<Prescribing.Result> action) {
        try {
            var result = action.get();
            redirect.addFlashAttribute("warnings", result.warnings());
            redirect.addFlashAttribute("message", "prescriptions.saved");
            return "redirect:/prescriptions/client/" + clientId;
        } catch (ProblemException e) {
            org.ishenim.web.PageProblems.show(e, model);
        } catch (IllegalArgumentException e) {
            org.ishenim.web.PageProblems.invalid(e, model);
        }
        return show(new ClientId(clientId), model);
    }

    private String show(ClientId id, Model model) {
        var client = clients.find(id).orElseThrow(() -> new NotFoundException("No client with this id."));
        var history = prescribing.history(id);
        model.addAttribute("client", client);
        model.addAttribute("history", history);
        model.addAttribute("active", history.stream().map(Prescribing.History::prescription)
                .filter(p -> p.status() == PrescriptionStatus.ACTIVE).findFirst().orElse(null));
        model.addAttribute("medicines", Medicine.values());
        model.addAttribute("rules", prescribing.rules());
        return "prescriptions/client";
    }
}
