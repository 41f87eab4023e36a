package org.ishenim.audit;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ishenim.web.ProblemResponses;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every denied access is audited (in its own transaction, since the request it belongs to does nothing
 * else), then answered: a problem for the API, the "not allowed" page for the UI. Failed logins are audited
 * under the name that was tried.
 */
@Component
class DeniedAccessAudit implements AccessDeniedHandler {

    private static final String UUID_TEXT = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    /** Every address that names a client: /clients/{id}, /dosing/{clientId}, /prescriptions/client/{clientId}. */
    private static final Pattern CLIENT_IN_PATH = Pattern.compile("(/(?:clients|dosing|client))/(" + UUID_TEXT + ")");
    private static final Pattern UUID_ONLY = Pattern.compile(UUID_TEXT);

    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();

    DeniedAccessAudit(AuditLog audit, TransactionTemplate tx) {
        this.audit = audit;
        this.tx = tx;
        page.setErrorPage("/error/403");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        UUID client = null;
        Matcher m = CLIENT_IN_PATH.matcher(path);
        if (m.find()) {
            client = UUID.fromString(m.group(2));
        } else if (request.getQueryString() != null) {
            // GET /api/v1/prescriptions?clientId=...; only the query string, never a body
            String asked = org.springframework.web.util.UriComponentsBuilder.newInstance().query(request.getQueryString())
                    .build().getQueryParams().getFirst("clientId");
            if (asked != null && UUID_ONLY.matcher(asked).matches()) {
                client = UUID.fromString(asked);
            }
        }
        String action = "denied " + request.getMethod() + " " + CLIENT_IN_PATH.matcher(path).replaceAll("$1/{id}");
        UUID subject = client;
        tx.executeWithoutResult(s -> audit.record(Actor.truncate(action, 80), subject, null, Outcome.DENIED));
        if (path.startsWith("/api/")) {
            ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    "Your role may not do this. The attempt has been audited.");
        } else {
            page.handle(request, response, denied);
        }
    }

    @EventListener
    void loginFailed(AuthenticationFailureBadCredentialsEvent event) {
        tx.executeWithoutResult(s -> audit.recordAs(String.valueOf(event.getAuthentication().getName()), "NONE",
                "login.failed", null, null, Outcome.DENIED));
    }

    @EventListener
    void loginLocked(AuthenticationFailureLockedEvent event) {
        tx.executeWithoutResult(s -> audit.recordAs(String.valueOf(event.getAuthentication().getName()), "NONE",
                "login.locked", null, null, Outcome.DENIED));
    }
}
