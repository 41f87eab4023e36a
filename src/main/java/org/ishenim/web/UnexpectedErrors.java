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
            if (answeredByTheContainer(e)) {
                throw e; // a malformed request: Tomcat answers 400 or 413 itself, as it would without this filter
            }
            String incident = incident();
            log.error("Request failed, incident {}: {}", incident, classes(e));
            if (response.isCommitted()) {
                // part of the answer is out: abort the connection rather than end it as if complete
                throw new ServletException("Request failed, incident " + incident);
            }
            response.resetBuffer(); // keeps the security headers (CSP, no-store...) already set
            response.setHeader("Content-Disposition", null); // a failed download is answered as a page
            if (ProblemResponses.forApi(request)) {
                ProblemResponses.write(response, 500, "Internal Server Error",
                        "The request failed on the server. Incident " + incident + ".");
            } else {
                response.sendError(500);
            }
        }
    }

    /** Tomcat's own refusals of a malformed request (bad parameters, too many, too large), anywhere in the chain. */
    private static boolean answeredByTheContainer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (name.equals("org.apache.tomcat.util.http.InvalidParameterException")
                    || name.equals("org.apache.catalina.connector.BadRequestException")) {
                return true;
            }
        }
        return false;
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
