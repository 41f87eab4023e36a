package org.ishenim.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page starts with no form errors, so that templates read {@code formErrors} without a null check. A flash
 * attribute or a handler's own {@link FormErrors#show} takes its place (Spring skips this method when the model
 * already holds the name).
 */
@ControllerAdvice(annotations = Controller.class)
class FormErrorsAdvice {

    @ModelAttribute(FormErrors.ATTRIBUTE)
    FormErrors none() {
        return FormErrors.NONE;
    }
}
