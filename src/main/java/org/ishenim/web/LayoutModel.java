package org.ishenim.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the current path (for the language switch) and the server's role. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    private final String role;

    LayoutModel(@Value("${ishenim.role:clinic}") String role) {
        this.role = role;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("serverRole")
    String serverRole() {
        return role;
    }
}
