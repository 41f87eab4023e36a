package org.ishenim.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session (or refuses cached API credentials) as soon as the account behind it has changed: the request
 * continues unauthenticated, so the UI sends it to the login page and the API answers 401. The check reads the
 * account's version from the database on every signed-in request, so it holds on every server instance that
 * shares the database, without a session registry in any one instance's memory.
 *
 * <p>It is a bean, not a servlet filter of its own: every security chain puts it in with {@link #addTo}.
 */
@Component
public final class EndedSessions extends OncePerRequestFilter {

    private final ObjectProvider<AccountCheck> check;

    EndedSessions(ObjectProvider<AccountCheck> check) {
        this.check = check;
    }

    /** Places the check in a security chain, just before authorisation. */
    public HttpSecurity addTo(HttpSecurity http) {
        return http.addFilterBefore(this, AuthorizationFilter.class);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        AccountCheck accounts = check.getIfAvailable();
        if (accounts != null && auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)
                && !accounts.stillValid(auth)) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
