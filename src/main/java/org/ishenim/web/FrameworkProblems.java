package org.ishenim.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Refusals that happen before any handler is chosen (wrong method, unknown path, wrong content type): under
 * {@code /api} they are problem details too, like every other API error. Pages keep the error page.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class FrameworkProblems {

    @ExceptionHandler({HttpRequestMethodNotSupportedException.class, NoResourceFoundException.class,
            HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ProblemDetail> beforeAnyHandler(Exception e, HttpServletRequest request) throws Exception {
        if (!ProblemResponses.forApi(request)) {
            throw e;
        }
        HttpStatus status = e instanceof HttpRequestMethodNotSupportedException ? HttpStatus.METHOD_NOT_ALLOWED
                : e instanceof HttpMediaTypeNotSupportedException ? HttpStatus.UNSUPPORTED_MEDIA_TYPE
                : HttpStatus.NOT_FOUND;
        String detail = switch (status) {
            case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
            case UNSUPPORTED_MEDIA_TYPE -> "This content type is not supported.";
            default -> "There is nothing at this address.";
        };
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
