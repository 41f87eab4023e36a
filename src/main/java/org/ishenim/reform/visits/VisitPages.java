package org.ishenim.reform.visits;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import org.ishenim.reform.Country;
import org.ishenim.web.FormErrors;
import org.ishenim.web.HubOnly;
import org.ishenim.web.InvalidFieldsException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A country's visits with their meetings and commitments; analysts record them and move commitments on. */
@Controller
@RequestMapping("/reform")
@HubOnly
class VisitPages {

    private final Visits visits;

    VisitPages(Visits visits) {
        this.visits = visits;
    }

    @GetMapping("/countries/{code}/visits")
    @PreAuthorize("hasAnyRole('ANALYST','VIEWER')")
    String visits(@PathVariable String code, Model model) {
        Country country = Country.parse(code);
        model.addAttribute("country", country);
        model.addAttribute("visits", visits.of(country));
        model.addAttribute("today", visits.today());
        model.addAttribute("statuses", Commitment.Status.values());
        model.addAttribute("changes", visits.changes(country));
        return "reform/visits";
    }

    @PostMapping("/countries/{code}/visits")
    @PreAuthorize("hasRole('ANALYST')")
    String addVisit(@PathVariable String code, @RequestParam(required = false) String title,
            @RequestParam(required = false) String startsOn, @RequestParam(required = false) String endsOn,
            @RequestParam(required = false) String participants, RedirectAttributes redirect) {
        Country country = Country.parse(code);
        FormErrors.saveOrFlash(redirect,
                () -> visits.addVisit(country, title, date(startsOn), date(endsOn), participants));
        return "redirect:/reform/countries/" + country.code() + "/visits";
    }

    @PostMapping("/visits/{id}/meetings")
    @PreAuthorize("hasRole('ANALYST')")
    String addMeeting(@PathVariable UUID id, @RequestParam(required = false) String institution,
            @RequestParam(required = false) String level, RedirectAttributes redirect) {
        Visit visit = visits.visit(id);
        FormErrors.saveOrFlash(redirect, () -> visits.addMeeting(id, institution, level));
        return "redirect:/reform/countries/" + visit.country() + "/visits";
    }

    @PostMapping("/visits/{id}/commitments")
    @PreAuthorize("hasRole('ANALYST')")
    String addCommitment(@PathVariable UUID id, @RequestParam(required = false) String text,
            @RequestParam(required = false) String owner, @RequestParam(required = false) String dueOn,
            RedirectAttributes redirect) {
        Visit visit = visits.visit(id);
        FormErrors.saveOrFlash(redirect, () -> visits.addCommitment(id, text, owner, date(dueOn)));
        return "redirect:/reform/countries/" + visit.country() + "/visits";
    }

    @PostMapping("/commitments/{id}/correction")
    @PreAuthorize("hasRole('ANALYST')")
    String correct(@PathVariable UUID id, @RequestParam(required = false) String text,
            @RequestParam(required = false) String owner, @RequestParam(required = false) String dueOn,
            RedirectAttributes redirect) {
        FormErrors.saveOrFlash(redirect, () -> {
            if (dueOn != null && !dueOn.isBlank() && date(dueOn) == null) {
                throw new InvalidFieldsException(Map.of("dueOn", "invalid")); // never clear a due date by a typo
            }
            visits.correct(id, text, owner, date(dueOn));
        });
        return "redirect:/reform/countries/" + visits.countryOfCommitment(id) + "/visits";
    }

    @PostMapping("/commitments/{id}/status")
    @PreAuthorize("hasRole('ANALYST')")
    String setStatus(@PathVariable UUID id, @RequestParam(required = false) Commitment.Status status,
            RedirectAttributes redirect) {
        visits.setStatus(id, status);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/reform/countries/" + visits.countryOfCommitment(id) + "/visits";
    }

    private static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
