package org.ishenim.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Deny by default. The REST API under {@code /api} is stateless and accepts HTTP Basic (no session cookie,
 * so no CSRF token is needed there); the UI uses form login, sessions and CSRF tokens. Which role may do
 * what is declared next to each handler with {@code @PreAuthorize}.
 */
@Configuration
@EnableMethodSecurity
@ConditionalOnWebApplication
class SecurityConfig {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'self'";

    /**
     * The API description and the metrics (per-endpoint request counts tell how many reveals happened) are for
     * admins and auditors only, signed in.
     */
    static final String[] ADMIN_AND_AUDITOR_ONLY = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui.html", "/swagger-ui/**", "/actuator/metrics", "/actuator/metrics/**"};

    private final AccessDeniedHandler denied;
    private final AdmissionControl admission;
    private final EndedSessions ended;

    SecurityConfig(ObjectProvider<AccessDeniedHandler> denied, AdmissionControl admission, EndedSessions ended) {
        this.admission = admission;
        this.ended = ended;
        this.denied = denied.getIfAvailable(() -> {
            var page = new AccessDeniedHandlerImpl();
            page.setErrorPage("/error/403");
            return page;
        });
    }

    /**
     * Spring Security's own tracing is off: it wraps each of the chain's filters in an observation on every
     * request, which cost a measurable share of the dosing benchmark's server CPU (docs/oat.md). The request
     * metrics ({@code http.server.requests}) stay.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** The admission queue runs inside the chains below (after authorisation), not as a servlet filter of its own. */
    @Bean
    static FilterRegistrationBean<AdmissionControl> admissionOnlyInsideSecurity(AdmissionControl admission) {
        var registration = new FilterRegistrationBean<>(admission);
        registration.setEnabled(false);
        return registration;
    }

    /** The ended-sessions check runs inside the chains below too. */
    @Bean
    static FilterRegistrationBean<EndedSessions> endedSessionsOnlyInsideSecurity(EndedSessions ended) {
        var registration = new FilterRegistrationBean<>(ended);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    @Order(10)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"ishenim\"");
            ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "Authentication is required.");
        };
        ended.addTo(admission.addTo(http)).securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(unauthenticated))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless HTTP Basic: the browser never sends these credentials on its own, so no CSRF token.
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        return http.build();
    }

    @Bean
    @Order(20)
    SecurityFilterChain ui(HttpSecurity http) throws Exception {
        ended.addTo(admission.addTo(http)).authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                                "/error/**", "/actuator/health")
                        .permitAll()
                        .requestMatchers(ADMIN_AND_AUDITOR_ONLY).hasAnyRole(Roles.ADMIN.name(), Roles.AUDITOR.name())
                        .anyRequest().authenticated())
                // every redirect a path, never the Host header's name (RelativeRedirects)
                .formLogin(f -> f.loginPage("/login").successHandler(RelativeRedirects.afterLogin("/"))
                        .failureHandler(RelativeRedirects.afterFailedLogin("/login?error")).permitAll())
                // An anonymous visitor makes the server keep nothing: no session for the login page's CSRF token,
                // for a failed login or for the page asked for before signing in (SessionOrCookieCsrfTokens).
                .csrf(c -> c.csrfTokenRepository(new SessionOrCookieCsrfTokens()))
                .requestCache(r -> r.requestCache(noSessionRequestCache()))
                .logout(l -> l.logoutSuccessHandler(RelativeRedirects.afterLogout("/login?logout")).permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(RelativeRedirects.loginPage("/login"))
                        .accessDeniedHandler(denied))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /** A signed-in user's session remembers the page asked for; an anonymous visitor gets no session for it. */
    private static HttpSessionRequestCache noSessionRequestCache() {
        var cache = new HttpSessionRequestCache();
        cache.setCreateSessionAllowed(false);
        return cache;
    }
}
