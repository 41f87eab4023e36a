package org.ishenim.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;

/**
 * Spring Security's redirects as paths on this server, never built from the {@code Host} header a request claimed
 * (which would send a user to {@code http://evil.example/login}). Tomcat's own redirects are relative through
 * {@code server.tomcat.use-relative-redirects}; these cover the login page, the saved request after login (stored
 * as a full URL with the request's host), a failed login and the logout.
 */
final class RelativeRedirects implements RedirectStrategy {

    static final RelativeRedirects INSTANCE = new RelativeRedirects();

    private RelativeRedirects() {
    }

    static AuthenticationEntryPoint loginPage(String loginPage) {
        var entry = new LoginUrlAuthenticationEntryPoint(loginPage);
        entry.setFavorRelativeUris(true);
        return entry;
    }

    static AuthenticationSuccessHandler afterLogin(String defaultTarget) {
        var handler = new SavedRequestAwareAuthenticationSuccessHandler();
        handler.setDefaultTargetUrl(defaultTarget);
        handler.setRedirectStrategy(INSTANCE);
        return handler;
    }

    /** A failed login keeps nothing in a session (an anonymous visitor makes the server remember nothing). */
    static AuthenticationFailureHandler afterFailedLogin(String target) {
        var handler = new SimpleUrlAuthenticationFailureHandler(target);
        handler.setAllowSessionCreation(false);
        handler.setRedirectStrategy(INSTANCE);
        return handler;
    }

    static LogoutSuccessHandler afterLogout(String target) {
        var handler = new SimpleUrlLogoutSuccessHandler();
        handler.setDefaultTargetUrl(target);
        handler.setRedirectStrategy(INSTANCE);
        return handler;
    }

    @Override
    public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
        response.sendRedirect(response.encodeRedirectURL(request.getContextPath() + pathOf(url, request.getContextPath())));
    }

    /** The path and query of {@code url} below the context path; "/" for anything that is not a URL. */
    static String pathOf(String url, String contextPath) {
        try {
            URI uri = new URI(url);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.isAbsolute() && !contextPath.isEmpty() && path.startsWith(contextPath)) {
                path = path.substring(contextPath.length());
            }
            // "//evil.example" would be a host again
            if (!path.startsWith("/") || path.startsWith("//")) {
                return "/";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (URISyntaxException e) {
            return "/";
        }
    }
}
