package org.ishenim.reform.guidelines;

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

/** The Guidelines' recommendations, the provisions of a country's law mapped to them, and compliance. */
@Controller
@RequestMapping("/reform")
@HubOnly
class GuidelinePages {

    private final Recommendations recommendations;
    private final Provisions provisions;
    private final ComplianceReport compliance;

    GuidelinePages(Recommendations recommendations, Provisions provisions, ComplianceReport compliance) {
        this.recommendations = recommendations;
        this.provisions = provisions;
        this.compliance = compliance;
    }

    @GetMapping("/guidelines")
    @PreAuthorize("hasAnyRole('ANALYST','VIEWER')")
    String recommendations(Model model) {
        model.addAttribute("recommendations", recommendations.recommendations());
        model.addAttribute("themes", Recommendation.THEMES);
        return "reform/guidelines";
    }

    @PostMapping("/guidelines")
    @PreAuthorize("hasRole('ANALYST')")
    String saveRecommendation(@RequestParam String id, @RequestParam String theme, @RequestParam String text,
            @RequestParam(required = false) String textRu, @RequestParam(required = false) String textKy,
            RedirectAttributes redirect) {
        FormErrors.saveOrFlash(redirect, () -> recommendations.saveRecommendation(id, theme, text, textRu, textKy));
        return "redirect:/reform/guidelines";
    }

    @GetMapping("/countries/{code}/provisions")
    @PreAuthorize("hasAnyRole('ANALYST','VIEWER')")
    String provisions(@PathVariable String code, Model model) {
        Country country = Country.parse(code);
        model.addAttribute("country", country);
        model.addAttribute("provisions", provisions.of(country));
        model.addAttribute("recommendations", recommendations.recommendations());
        model.addAttribute("statuses", ProvisionStatus.values());
        model.addAttribute("relations", Relation.values());
        if (model.getAttribute("form") == null) {
            model.addAttribute("form", Map.of("law", "", "article", "", "quotedText", "", "link", "",
                    "recommendationId", ""));
        }
        return "reform/provisions";
    }

    @PostMapping("/countries/{code}/provisions")
    @PreAuthorize("hasRole('ANALYST')")
    String addProvision(@PathVariable String code, @RequestParam(required = false) String law,
            @RequestParam(required = false) String article, @RequestParam(required = false) String quotedText,
            @RequestParam(required = false) String link, @RequestParam(required = false) String recommendationId,
            @RequestParam(required = false) Relation relation, @RequestParam(required = false) ProvisionStatus status,
            @RequestParam(required = false) String evidence, @RequestParam(required = false) String note,
            Model model) {
        Country country = Country.parse(code);
        try {
            Provision p = provisions.add(country,
                    new ProvisionText(law, article, quotedText, link, recommendationId, relation), status, evidence, note);
            return "redirect:/reform/provisions/" + p.id();
        } catch (InvalidFieldsException e) {
            FormErrors.show(e, model);
            model.addAttribute("form", Map.of("law", nz(law), "article", nz(article), "quotedText", nz(quotedText),
                    "link", nz(link), "recommendationId", nz(recommendationId)));
            return provisions(code, model);
        }
    }

    @GetMapping("/provisions/{id}")
    @PreAuthorize("hasAnyRole('ANALYST','VIEWER')")
    String provision(@PathVariable UUID id, Model model) {
        Provision p = provisions.provision(id);
        model.addAttribute("p", p);
        model.addAttribute("country", Country.parse(p.country()));
        model.addAttribute("recommendation", recommendations.recommendation(p.recommendationId()).orElse(null));
        model.addAttribute("history", provisions.history(id));
        model.addAttribute("corrections", provisions.corrections(id));
        model.addAttribute("recommendations", recommendations.recommendations());
        model.addAttribute("relations", Relation.values());
        model.addAttribute("statuses", ProvisionStatus.values());
        return "reform/provision";
    }

    @PostMapping("/provisions/{id}/status")
    @PreAuthorize("hasRole('ANALYST')")
    String changeStatus(@PathVariable UUID id, @RequestParam(required = false) ProvisionStatus status,
            @RequestParam(required = false) String evidence, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        FormErrors.saveOrFlash(redirect, () -> provisions.changeStatus(id, status, evidence, note));
        return "redirect:/reform/provisions/" + id;
    }

    @PostMapping("/provisions/{id}/correction")
    @PreAuthorize("hasRole('ANALYST')")
    String correct(@PathVariable UUID id, @RequestParam(required = false) String law,
            @RequestParam(required = false) String article, @RequestParam(required = false) String quotedText,
            @RequestParam(required = false) String link, @RequestParam(required = false) String recommendationId,
            @RequestParam(required = false) Relation relation, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        FormErrors.saveOrFlash(redirect, () -> provisions.correct(id,
                new ProvisionText(law, article, quotedText, link, recommendationId, relation), reason));
        return "redirect:/reform/provisions/" + id;
    }

    @GetMapping("/countries/{code}/compliance")
    @PreAuthorize("hasAnyRole('ANALYST','VIEWER')")
    String compliance(@PathVariable String code, Model model) {
        Country country = Country.parse(code);
        model.addAttribute("country", country);
        model.addAttribute("compliance", compliance.of(country));
        return "reform/compliance";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
