package org.ishenim.web;

import java.util.TreeSet;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A refusal shown inside the form's own page (the prescription, stock and dosing pages, through
 * {@code fragments/form-errors :: problem} or {@code :: fields}): the message by code in the user's
 * language ({@code problemCode}, {@code problemDetail}), the fields to correct by name ({@code problemFields}, never
 * their values), and the problem's status (400, 409, 422) instead of 200, as on the API.
 */
public final class PageProblems {

    private PageProblems() {
    }

    public static void show(ProblemException e, Model model) {
        model.addAttribute("problemCode", "problem." + e.code());
        model.addAttribute("problemDetail", e.getMessage());
        if (e instanceof InvalidFieldsException invalid && !invalid.errors().isEmpty()) {
            model.addAttribute("problemFields", String.join(", ", new TreeSet<>(invalid.errors().keySet())));
        }
        status(e.status());
    }

    /** {@code problem.invalid}: a value object refused its input (an amount that is not a number). */
    public static void invalid(IllegalArgumentException e, Model model) {
        model.addAttribute("problemCode", "problem.invalid");
        model.addAttribute("problemDetail", e.getMessage());
        status(400);
    }

    private static void status(int status) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a && a.getResponse() != null) {
            a.getResponse().setStatus(status);
        }
    }
}
