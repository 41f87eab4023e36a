package org.ishenim.hub;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.ishenim.web.ProblemResponses;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <site token>} authenticates the request as that site ({@code ROLE_SITE}). A bearer
 * token that matches no active site is answered 401 at once; without a bearer token the chain goes on (staff may
 * use HTTP Basic on the hub's admin endpoints).
 */
final class SiteTokenFilter extends OncePerRequestFilter {

    private final HubSites sites;

    SiteTokenFilter(HubSites sites) {
        this.sites = sites;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        var site = sites.authenticate(header.substring(7).strip());
        if (site.isEmpty()) {
            unauthorized(response);
            return;
        }
        var auth = UsernamePasswordAuthenticationToken.authenticated(site.get(), null,
                List.of(new SimpleGrantedAuthority(SitePrincipal.AUTHORITY)));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static void unauthorized(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"ishenim-hub\"");
        ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                "A valid site token is required.");
    }
}
