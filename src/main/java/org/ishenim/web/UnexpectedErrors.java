package org.ishenim.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The last answer for an exception that nothing else handled. Its message may quote what was sent (a database
 * error naming a value too long for its column, say), so the log gets only the exception classes, cause by
 * cause, with an incident number; the servlet container, which would log the message and stack trace, never sees
 * it. The API answers a 500 problem carrying the incident number, pages the error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnexpectedErrors extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrors.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
                return; // the client went away: nobody to answer
            }
            String incident = incident();
            log.error("Request failed, incident {}: {}", incident, classes(e));
            if (response.isCommitted()) {
                return;
            }
            response.reset();
            if (ProblemResponses.forApi(request)) {
                ProblemResponses.write(response, 500, "Internal Server Error",
                        "The request failed on the server. Incident " + incident + ".");
            } else {
                response.sendError(500);
            }
        }
    }

    /** The classes of an exception and its causes: {@code DataIntegrityViolationException < JdbcSQLDataException}. */
    static String classes(Throwable e) {
        StringJoiner chain = new StringJoiner(" < ");
        for (Throwable t = e; t != null && chain.length() < 500; t = t.getCause() == t ? null : t.getCause()) {
            chain.add(t.getClass().getName());
        }
        return chain.toString();
    }

    private static String incident() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
