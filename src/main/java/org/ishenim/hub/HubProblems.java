package org.ishenim.hub;

import java.net.URI;
import org.ishenim.web.HubOnly;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused payload is answered like any problem, with its code as the type. Like every problem it carries no
 * {@code instance} ({@code org.ishenim.web.ProblemInstances}): a refused reference may be plaintext, and the answer
 * must not echo it.
 */
@RestControllerAdvice(assignableTypes = HubApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
@HubOnly
class HubProblems {

    @ExceptionHandler(NotAnEncodingException.class)
    ProblemDetail refused(NotAnEncodingException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(e.status()), e.getMessage());
        problem.setType(URI.create("urn:ishenim:problem:" + e.code()));
        e.properties().forEach(problem::setProperty);
        return problem;
    }
}
