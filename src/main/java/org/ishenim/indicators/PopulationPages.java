package org.ishenim.indicators;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.web.FormErrors;
import org.ishenim.web.HubOnly;
import org.ishenim.web.InvalidFieldsException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The hub's population size estimates (docs/indicators.md, "Coverage against the population"): the list, its
 * history and, for analysts, the form. Analysts write, viewers read, every other role is refused; every view is
 * audited ({@code report.population}) and every write ({@code population.write}).
 */
@Controller
@HubOnly
class PopulationPages {

    static final String PATH = "/national-indicators/population";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final PopulationEstimates estimates;
    private final AuditLog audit;
    private final String nationalOrgUnit;

    PopulationPages(PopulationEstimates estimates, AuditLog audit,
            @Value("${ishenim.indicators.national-org-unit:KG}") String nationalOrgUnit) {
        this.estimates = estimates;
        this.audit = audit;
        this.nationalOrgUnit = nationalOrgUnit;
    }

    @GetMapping(PATH)
    @PreAuthorize("hasAnyRole('ANALYST','VIEWER')")
    @Transactional
    String page(Model model) {
        if (model.getAttribute("form") == null) {
            model.addAttribute("form", form("", "", "", ""));
        }
        audit.record("report.population", null, null, Outcome.SUCCESS);
        model.addAttribute("estimates", estimates.current().stream().map(e -> row(e, "", null)).toList());
        model.addAttribute("replaced", estimates.replaced().stream()
                .map(r -> row(r.estimate(), r.replacedBy(), r.replacedAt())).toList());
        model.addAttribute("regions", estimates.reportedRegions());
        model.addAttribute("nationalOrgUnit", nationalOrgUnit);
        model.addAttribute("maxSource", PopulationEstimates.MAX_SOURCE);
        return "indicators/population";
    }

    /** Saves the estimate and returns to the list; with errors, the form again with what was typed kept. */
    @PostMapping(PATH)
    @PreAuthorize("hasRole('ANALYST')")
    String save(@RequestParam(required = false) String region, @RequestParam(required = false) String year,
            @RequestParam(required = false) String size, @RequestParam(required = false) String source,
            Model model, RedirectAttributes redirect) {
        try {
            estimates.record(estimates.parse(region, year, size, source));
            redirect.addFlashAttribute("saved", true);
            return "redirect:" + PATH;
        } catch (InvalidFieldsException e) {
            estimates.refused();
            FormErrors.show(e, model);
            model.addAttribute("form", form(region, year, size, source));
            return page(model);
        }
    }

    /** An estimate as listed: times in UTC, to the minute; a replaced one with who replaced it and when. */
    record Row(String region, boolean national, int year, long size, String source, String enteredBy,
            String enteredAt, String replacedBy, String replacedAt) {
    }

    private Row row(PopulationEstimates.Estimate e, String replacedBy, Instant replacedAt) {
        return new Row(e.region(), e.region().equals(nationalOrgUnit), e.year(), e.size(), e.source(),
                e.enteredBy(), minute(e.enteredAt()), replacedBy, replacedAt == null ? "" : minute(replacedAt));
    }

    private static String minute(Instant at) {
        return MINUTE.format(at.atOffset(ZoneOffset.UTC));
    }

    private static Map<String, String> form(String region, String year, String size, String source) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("region", region == null ? "" : region);
        form.put("year", year == null ? "" : year);
        form.put("size", size == null ? "" : size);
        form.put("source", source == null ? "" : source);
        return form;
    }
}
