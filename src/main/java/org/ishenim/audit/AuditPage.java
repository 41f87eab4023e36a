package org.ishenim.audit;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

@Controller
@RequestMapping("/audit")
@PreAuthorize("hasAnyRole('AUDITOR','ADMIN')")
class AuditPage {

    private final AuditLog audit;

    AuditPage(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    String page() {
        return "audit/verify";
    }

    @PostMapping("/verify")
    String verify(Model model) {
        model.addAttribute("result", audit.verify());
        return "audit/verify";
    }
}
