package org.ishenim.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the current path (for the language switch), the server's role, and the clinic's
 * time zone ({@code zone}), in which every page shows times: a server's own zone is often UTC.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    private final String role;
    private final java.time.ZoneId zone;

    LayoutModel(@Value("${ishenim.role:clinic}") String role, ClinicZone zone) {
        this.role = role;
        this.zone = zone.id();
    }

    @ModelAttribute("zone")
    java.time.ZoneId zone() {
        return zone;
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
