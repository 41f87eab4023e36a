package org.ishenim.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A rule broken on a page is shown as a page, in the user's language where the code has a message. */
@ControllerAdvice(annotations = Controller.class)
class UiProblems {

    @ExceptionHandler(ProblemException.class)
    String problem(ProblemException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status());
        model.addAttribute("status", e.status());
        model.addAttribute("code", "problem." + e.code());
        model.addAttribute("detail", e.getMessage());
        // the fields by name (never their values), so that the page says which one to correct
        model.addAttribute("fields", e instanceof InvalidFieldsException invalid && !invalid.errors().isEmpty()
                ? String.join(", ", new java.util.TreeSet<>(invalid.errors().keySet())) : null);
        return "problem";
    }
}
