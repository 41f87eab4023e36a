package org.ishenim.web;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The fields a page form must correct, by name, each with a short code for the page's message bundle (never the
 * value typed: this may travel in a flash attribute and is safe to show). Pages read it as {@code formErrors}
 * (empty unless a handler put one there, see {@link FormErrorsAdvice}) and render it with the fragments of
 * {@code templates/fragments/form-errors.html}, which also mark the field {@code aria-invalid} and point its
 * {@code aria-describedby} at the message.
 */
public record FormErrors(Map<String, String> fields) implements Serializable {

    /** The model attribute the pages and {@code fragments/form-errors} read. */
    public static final String ATTRIBUTE = "formErrors";
    public static final FormErrors NONE = new FormErrors(Map.of());

    public FormErrors {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static FormErrors of(InvalidFieldsException e) {
        return new FormErrors(e.errors());
    }

    /** The form is shown again in this response (typed values kept by the caller's own model attributes). */
    public static void show(Map<String, String> fields, Model model) {
        model.addAttribute(ATTRIBUTE, new FormErrors(fields));
    }

    public static void show(InvalidFieldsException e, Model model) {
        show(e.errors(), model);
    }

    /** The form is shown by the page redirected to, once: a flash attribute in the session, never in the URL. */
    public static void flash(InvalidFieldsException e, RedirectAttributes redirect) {
        redirect.addFlashAttribute(ATTRIBUTE, of(e));
    }

    /**
     * Runs a save; on success flashes {@code saved} for the page redirected to, on {@link InvalidFieldsException}
     * flashes the fields to correct instead.
     */
    public static void saveOrFlash(RedirectAttributes redirect, Runnable save) {
        try {
            save.run();
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidFieldsException e) {
            flash(e, redirect);
        }
    }

    public boolean any() {
        return !fields.isEmpty();
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** The code of the field's error (a key suffix in the page's bundle), or null. */
    public String code(String field) {
        return fields.get(field);
    }

    /** True when some field has this code ({@code range} for an implausible date, say). */
    public boolean anyWithCode(String code) {
        return fields.containsValue(code);
    }

    /** The field names, sorted and joined, for {@code problem.fields}. */
    public String names() {
        return String.join(", ", new TreeSet<>(fields.keySet()));
    }

    /** The id of the field's message element, as the fragment writes it. */
    public static String messageId(String field) {
        return "error-" + field;
    }

    /** {@code "true"} for a field to correct, else null so that Thymeleaf leaves the attribute out. */
    public String invalid(String field) {
        return has(field) ? "true" : null;
    }

    /** The id of the field's message for {@code aria-describedby}, else null. */
    public String describedBy(String field) {
        return has(field) ? messageId(field) : null;
    }

    @Override
    public String toString() {
        return "FormErrors" + new TreeSet<>(fields.keySet());
    }
}
