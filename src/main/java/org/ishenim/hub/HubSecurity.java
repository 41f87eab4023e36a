package org.ishenim.hub;

import org.ishenim.web.AdmissionControl;
import org.ishenim.web.EndedSessions;
import org.ishenim.web.HubOnly;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The site API under {@code /api/v1/hub}: stateless, authenticated by a site's bearer token (sites) or by HTTP
 * Basic (hub staff: the admin registers sites, admin and analyst read the census). Ordered before the general
 * API chain ({@code @Order(10)}).
 */
@Configuration
@HubOnly
class HubSecurity {

    @Bean
    @Order(5)
    SecurityFilterChain hubApiChain(HttpSecurity http, HubSites sites, ObjectProvider<AccessDeniedHandler> denied,
            AdmissionControl admission, EndedSessions ended) throws Exception {
        AccessDeniedHandler deniedHandler = denied.getIfAvailable(AccessDeniedHandlerImpl::new);
        // Sites' queries and uploads take turns in the admission queue like every signed-in request.
        ended.addTo(admission.addTo(http)).securityMatcher("/api/v1/hub/**")
                .addFilterBefore(new SiteTokenFilter(sites), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> SiteTokenFilter.unauthorized(res)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless bearer tokens and Basic: a browser never sends these on its own, so no CSRF token.
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> SiteTokenFilter.unauthorized(res))
                        .accessDeniedHandler(deniedHandler))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }
}
