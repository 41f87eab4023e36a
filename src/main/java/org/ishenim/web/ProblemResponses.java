package org.ishenim.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;

/**
 * Writes an RFC 9457 problem straight to the response, for refusals made in servlet filters and security
 * handlers, before Spring MVC (and its problem-detail handling) is reached. The texts are fixed: nothing from
 * the request is echoed.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** Whether the request is for the REST API under {@code /api}, which answers with problems, not pages. */
    static boolean forApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** The 413 for a request body above {@code ishenim.max-body-bytes}. */
    static void tooLarge(HttpServletResponse response) throws IOException {
        write(response, 413, "Content Too Large", "The request body is too large.");
    }

    public static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
