package org.ishenim.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Lets at most {@code ishenim.web.max-active-requests} signed-in requests work at once (default: twice the
 * processors) and queues the rest first come, first served. On a small clinic server, forty request threads sharing
 * two cores each wait for the CPU at every database round trip, hold locks and connections while they wait, and
 * finish in no particular order; a short queue in front gives the same throughput or better with a fair,
 * predictable wait. A request still queued after {@code ishenim.web.admission-wait} (default 30 s) gets 503
 * (a problem on the API, the error page in the UI); nothing has been done for it.
 *
 * <p>A turn covers only the server's own work, never the network:
 * <ul>
 * <li>The filter runs inside the security chains, after authorisation: anonymous requests (the login page, static
 * files, health) and refused ones never take a turn, and only signed-in staff have their bodies read early.
 * Static files never queue.</li>
 * <li>A request joins the queue once its body has arrived: forms and uploads parsed by the container, other bodies
 * read within the body limit. A client on a slow line holds a request thread, not a turn.</li>
 * <li>The response is held in memory during the turn and sent after it, so a slow reader (a report downloaded over
 * a poor line) does not hold a turn either.</li>
 * </ul>
 * It is a bean, not a servlet filter of its own: every security chain that serves signed-in requests puts it in
 * with {@link #addTo} ({@link SecurityConfig}'s API and UI chains, the hub's site API).
 */
@Component
public final class AdmissionControl extends OncePerRequestFilter implements MeterBinder {

    private static final List<String> STATIC = List.of("/css/", "/js/", "/webjars/", "/favicon.ico");

    private final Semaphore permits;
    private final int size;
    private final long waitNanos;

    AdmissionControl(@Value("${ishenim.web.max-active-requests:0}") int maxActive,
            @Value("${ishenim.web.admission-wait:PT30S}") Duration wait) {
        int permits = maxActive > 0 ? maxActive : 2 * Runtime.getRuntime().availableProcessors();
        this.permits = new Semaphore(permits, true);
        this.size = permits;
        this.waitNanos = wait.toNanos();
    }

    /** Places the queue in a security chain, right after authorisation. */
    public HttpSecurity addTo(HttpSecurity http) {
        return http.addFilterAfter(this, AuthorizationFilter.class);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken
                || STATIC.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest received;
        try {
            received = received(request);
        } catch (BodyTooLargeException e) {
            ProblemResponses.tooLarge(response);
            return;
        }
        if (!admitted()) {
            refuse(request, response);
            return;
        }
        var held = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(received, held);
        } finally {
            permits.release();
        }
        held.copyBodyToResponse();
    }

    private boolean admitted() {
        try {
            return permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "10");
        if (ProblemResponses.forApi(request)) {
            ProblemResponses.write(response, 503, "Service Unavailable",
                    "The server is busy. Nothing was recorded; please try again.");
        } else {
            response.sendError(503);
        }
    }

    /** The request with its whole body received: forms and uploads parsed by the container, others in memory. */
    private static HttpServletRequest received(HttpServletRequest request) throws IOException, ServletException {
        boolean body = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (!body) {
            return request;
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            try {
                request.getParts();
            } catch (IOException | ServletException | IllegalStateException e) {
                // not a valid upload: the handler meets the same error and answers it as usual
            }
            return request;
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            // POST forms are parsed here; PUT, PATCH and DELETE forms were read by Spring's FormContentFilter.
            request.getParameterMap();
            return request;
        }
        return new ReceivedBody(request, request.getInputStream().readAllBytes());
    }

    /** Requests waiting for their turn now. */
    int queued() {
        return permits.getQueueLength();
    }

    /** {@code ishenim.requests.active} and {@code ishenim.requests.queued}, under /actuator/metrics. */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ishenim.requests.active", this, c -> c.size - c.permits.availablePermits())
                .description("Requests at work now (at most ishenim.web.max-active-requests)").register(registry);
        Gauge.builder("ishenim.requests.queued", this, AdmissionControl::queued)
                .description("Requests waiting for their turn now").register(registry);
    }

    /**
     * A request whose body was read before it was admitted; the chain reads the same bytes, through one stream or
     * one reader, as the servlet specification allows.
     */
    private static final class ReceivedBody extends HttpServletRequestWrapper {
        private final byte[] body;
        private ServletInputStream stream;
        private BufferedReader reader;

        ReceivedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            if (reader != null) {
                throw new IllegalStateException("getReader() has already been called");
            }
            if (stream == null) {
                stream = stream(new ByteArrayInputStream(body));
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() {
            if (stream != null) {
                throw new IllegalStateException("getInputStream() has already been called");
            }
            if (reader == null) {
                reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset()));
            }
            return reader;
        }

        private Charset charset() {
            String encoding = getCharacterEncoding();
            try {
                return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (IllegalArgumentException unknown) {
                return StandardCharsets.UTF_8;
            }
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        private static ServletInputStream stream(ByteArrayInputStream in) {
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buf, int off, int len) {
                    return in.read(buf, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body has already been read");
                }
            };
        }
    }
}
