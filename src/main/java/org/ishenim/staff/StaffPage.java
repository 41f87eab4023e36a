package org.ishenim.staff;

import java.util.UUID;
import org.ishenim.web.ProblemException;
import org.ishenim.web.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class StaffPage {

    private final StaffAccounts accounts;
    private final String serverRole;

    StaffPage(StaffAccounts accounts, @org.springframework.beans.factory.annotation.Value("${ishenim.role:clinic}") String serverRole) {
        this.accounts = accounts;
        this.serverRole = serverRole;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", accounts.list());
        model.addAttribute("roles", Roles.on(serverRole)); // only the roles that can work here
        model.addAttribute("now", accounts.instant());
        return "staff/users";
    }

    @PostMapping
    String create(@RequestParam String username, @RequestParam Roles role, @RequestParam String password,
            RedirectAttributes redirect) {
        try {
            accounts.create(username, role, password, false);
            redirect.addFlashAttribute("message", "staff.created");
        } catch (IllegalArgumentException | ProblemException e) {
            redirect.addFlashAttribute("error", errorKey(e));
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable UUID id) {
        accounts.unlock(id);
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/enabled")
    String enabled(@PathVariable UUID id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        try {
            accounts.setEnabled(id, enabled);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", errorKey(e));
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/password")
    String password(@PathVariable UUID id, @RequestParam String password, RedirectAttributes redirect) {
        try {
            accounts.resetPassword(id, password);
            redirect.addFlashAttribute("message", "staff.passwordSet");
        } catch (IllegalArgumentException | ProblemException e) {
            redirect.addFlashAttribute("error", errorKey(e));
        }
        return "redirect:/admin/users";
    }

    /** The message-bundle key for a refusal, so that it is shown in the admin's language. */
    static String errorKey(RuntimeException e) {
        if (e instanceof ProblemException p) {
            return "staff.error." + p.code();
        }
        String text = String.valueOf(e.getMessage());
        return text.startsWith("A password") ? "staff.error.password"
                : text.startsWith("A user name") ? "staff.error.username" : "staff.error.other";
    }
}
