package org.ishenim.hub;

import org.ishenim.web.ProblemException;
import org.ishenim.web.HubOnly;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;

/** The hub admin's page: sites, their tokens (shown once when issued) and the count of unique clients. */
@Controller
@RequestMapping("/hub/sites")
@PreAuthorize("hasRole('ADMIN')")
@HubOnly
class HubSitesPage {

    private final HubSites sites;
    private final HubEncodings encodings;

    HubSitesPage(HubSites sites, HubEncodings encodings) {
        this.sites = sites;
        this.encodings = encodings;
    }

    @GetMapping
    String list(Model model) {
        return page(model);
    }

    /** Registers a site and shows its token on this response only (no redirect, nothing kept in a session). */
    @PostMapping
    String register(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
            Model model) {
        try {
            model.addAttribute("issued", sites.register(code, name));
        } catch (ProblemException e) {
            model.addAttribute("error", "site-exists".equals(e.code()) ? "hub.sites.exists" : "hub.sites.invalid");
            model.addAttribute("code", code);
            model.addAttribute("name", name);
        }
        return page(model);
    }

    @PostMapping("/{code}/token")
    String rotate(@PathVariable String code, Model model) {
        model.addAttribute("issued", sites.rotate(code));
        return page(model);
    }

    @PostMapping("/{code}/deactivate")
    String deactivate(@PathVariable String code, Model model) {
        sites.deactivate(code);
        model.addAttribute("message", "hub.sites.deactivated");
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("sites", sites.list());
        model.addAttribute("census", encodings.census());
        return "hub/sites";
    }
}
