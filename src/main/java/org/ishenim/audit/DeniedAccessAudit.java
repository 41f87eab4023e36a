package org.ishenim.audit;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.ishenim.web.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every denied access is audited (in its own transaction, since the request it belongs to does nothing
 * else), then answered: a problem for the API, the "not allowed" page for the UI. The entry names the refused
 * route, never the typed address. Failed logins are audited by the staff module (StaffSecurity).
 */
@Component
class DeniedAccessAudit implements AccessDeniedHandler {

    private static final java.util.Set<String> METHODS = java.util.Set.of("GET", "HEAD", "POST", "PUT", "PATCH",
            "DELETE", "OPTIONS", "TRACE");

    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    /** The addresses that name a client, each module's own. */
    private final ObjectProvider<ClientPaths> clientPaths;
    private final AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();

    DeniedAccessAudit(AuditLog audit, TransactionTemplate tx,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings,
            ObjectProvider<ClientPaths> clientPaths) {
        this.audit = audit;
        this.clientPaths = clientPaths;
        this.tx = tx;
        this.mappings = mappings;
        page.setErrorPage("/error/403");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        UUID client = clientPaths.orderedStream().map(p -> p.clientIn(path)).flatMap(Optional::stream).findFirst()
                .orElse(null);
        if (client == null && request.getQueryString() != null) {
            // a client named by a clientId parameter (GET /api/v1/prescriptions?clientId=...): the query string only,
            // never a body
            String asked = org.springframework.web.util.UriComponentsBuilder.newInstance().query(request.getQueryString())
                    .build().getQueryParams().getFirst("clientId");
            client = ClientPaths.uuid(asked).orElse(null);
        }
        String action = "denied " + route(request);
        UUID subject = client;
        tx.executeWithoutResult(s -> audit.record(Actor.truncate(action, 80), subject, null, Outcome.DENIED));
        if (path.startsWith("/api/")) {
            ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    "Your role may not do this. The attempt has been audited.");
        } else {
            page.handle(request, response, denied);
        }
    }

    /**
     * The route that was refused, as declared in code, each variable as {@code {id}} ({@code /clients/{id}/erasure}), never the address as typed:
     * an address can hold anything, and the chain cannot be erased. A refusal before any route matched (a form
     * without its CSRF token to an address nobody serves) is recorded as {@code unmatched}.
     */
    private String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null) {
            RequestMappingHandlerMapping mapping = mappings.getIfAvailable();
            try {
                if (mapping != null && mapping.getHandler(request) != null) {
                    pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
                }
            } catch (Exception noRoute) {
                // no route for this address and method
            }
        }
        String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
        return method + " " + (pattern == null ? "unmatched" : pattern.toString().replaceAll("\\{[^}]*}", "{id}"));
    }
}
