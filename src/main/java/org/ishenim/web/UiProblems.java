package org.ishenim.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

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

    /** Two requests raced past a check for the same unique key: a 409 page, as the check itself would answer. */
    @ExceptionHandler(DuplicateKeyException.class)
    String duplicate(DuplicateKeyException e, Model model, HttpServletResponse response) {
        response.setStatus(409);
        model.addAttribute("status", 409);
        model.addAttribute("code", "problem.raced");
        model.addAttribute("detail", ConflictException.RACED);
        return "problem";
    }

    /** A file upload sent as something other than a multipart form: a 400 page (a 413 when it was too large). */
    @ExceptionHandler(MultipartException.class)
    String notMultipart(MultipartException e, Model model, HttpServletResponse response) {
        int status = e instanceof MaxUploadSizeExceededException ? 413 : 400;
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("code", "problem.invalid");
        model.addAttribute("detail", "The file could not be read from this request.");
        return "problem";
    }

    /**
     * A value object refusing what a page was sent (a malformed site code in {@code ?site=}, say) is a 400, not a
     * failure of the server. Its message is shown only when it is one of ours, which name the rule, never the value.
     */
    @ExceptionHandler(IllegalArgumentException.class)
    String invalid(IllegalArgumentException e, Model model, HttpServletResponse response) {
        StackTraceElement[] trace = e.getStackTrace();
        boolean ours = trace.length > 0 && trace[0].getClassName().startsWith("org.ishenim.") && e.getMessage() != null;
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("code", "problem.invalid");
        model.addAttribute("detail", ours ? e.getMessage() : "The request has a value that is not valid here.");
        return "problem";
    }
}
