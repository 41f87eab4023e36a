package org.ishenim.reform;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The name of the staff member acting, or {@code system} for start-up work such as demo data. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static String name() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
            return "system";
        }
        String name = auth.getName();
        return name.length() <= 100 ? name : name.substring(0, 100);
    }
}
