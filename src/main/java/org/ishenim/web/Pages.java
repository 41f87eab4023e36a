package org.ishenim.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The start page, the login page and the error pages. */
@Controller
class Pages {

    private final ObjectProvider<SetupHint> hints;

    Pages(ObjectProvider<SetupHint> hints) {
        this.hints = hints;
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home() {
        return "home";
    }

    @GetMapping("/login")
    @PreAuthorize("permitAll()")
    String login(Model model) {
        hints.orderedStream().flatMap(h -> h.messageKey().stream()).findFirst()
                .ifPresent(key -> model.addAttribute("setupHint", key));
        return "login";
    }

    @RequestMapping("/error/403")
    @PreAuthorize("permitAll()")
    String forbidden() {
        return "error/403";
    }
}
