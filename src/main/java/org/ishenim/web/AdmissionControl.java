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
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets at most {@code ishenim.web.max-active-requests} requests work at once (default: twice the processors) and
 * queues the rest first come, first served. On a small clinic server, forty request threads sharing two cores
 * each wait for the CPU at every database round trip, hold locks and connections while they wait, and finish in
 * no particular order; a short queue in front gives the same throughput or better with a fair, predictable
 * wait. A request still queued after {@code ishenim.web.admission-wait} (default 30 s) gets 503 with
 * {@code Retry-After}; nothing has been done for it.
 *
 * <p>A request joins the queue only once its body has arrived (a JSON or form body is read first, within the body
 * limit, which this filter runs inside), so a client on a slow line, or one sending slowly on purpose, holds a
 * request thread but never a turn. File uploads (multipart) do not queue: they are rare and can be large.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AdmissionControl extends OncePerRequestFilter implements MeterBinder {

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

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest received;
        try {
            received = received(request, type);
        } catch (BodyTooLargeException e) {
            ProblemResponses.write(response, 413, "Content Too Large", "The request body is too large.");
            return;
        }
        if (!admitted()) {
            response.setHeader("Retry-After", "1");
            ProblemResponses.write(response, 503, "Service Unavailable",
                    "The server is busy. Nothing was recorded; please try again.");
            return;
        }
        try {
            chain.doFilter(received, response);
        } finally {
            permits.release();
        }
    }

    private boolean admitted() {
        try {
            return permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The request with its whole body received: forms parsed by the container, other bodies held in memory. */
    private static HttpServletRequest received(HttpServletRequest request, String type) throws IOException {
        boolean body = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (!body) {
            return request;
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
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

    /** A request whose body was read before it was admitted; the chain reads the same bytes again. */
    private static final class ReceivedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReceivedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
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

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
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
    }
}
