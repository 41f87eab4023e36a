package org.ishenim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class AdmissionControlTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void queuedRequestsRunOneAtATimeInArrivalOrder() throws Exception {
        var control = new AdmissionControl(1, Duration.ofSeconds(10));
        var release = new CountDownLatch(1);
        var order = new CopyOnWriteArrayList<String>();
        var running = new AtomicInteger();
        var mostAtOnce = new AtomicInteger();
        FilterChain work = (req, res) -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            order.add((String) req.getAttribute("name"));
            if ("first".equals(req.getAttribute("name"))) {
                await(release);
            }
            running.decrementAndGet();
        };
        Future<MockHttpServletResponse> first = submit(control, "first", work);
        awaitUntil(() -> order.contains("first"));
        List<Future<MockHttpServletResponse>> queued = new ArrayList<>();
        for (String name : List.of("second", "third", "fourth")) {
            queued.add(submit(control, name, work));
            awaitUntil(() -> control.queued() == queued.size());
        }
        assertThat(order).containsExactly("first");
        var metrics = new SimpleMeterRegistry();
        control.bindTo(metrics);
        assertThat(metrics.get("ishenim.requests.active").gauge().value()).isEqualTo(1.0);
        assertThat(metrics.get("ishenim.requests.queued").gauge().value()).isEqualTo(3.0);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        for (var f : queued) {
            assertThat(f.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        }
        assertThat(order).containsExactly("first", "second", "third", "fourth");
        assertThat(mostAtOnce.get()).isEqualTo(1);
        assertThat(metrics.get("ishenim.requests.active").gauge().value()).isZero();
        assertThat(metrics.get("ishenim.requests.queued").gauge().value()).isZero();
    }

    @Test
    void aRequestQueuedTooLongGets503AndNothingRuns() throws Exception {
        var control = new AdmissionControl(1, Duration.ofMillis(100));
        var release = new CountDownLatch(1);
        var ran = new CopyOnWriteArrayList<String>();
        FilterChain work = (req, res) -> {
            ran.add((String) req.getAttribute("name"));
            await(release);
        };
        Future<MockHttpServletResponse> holder = submit(control, "holder", work);
        awaitUntil(() -> ran.contains("holder"));
        MockHttpServletResponse refused = submit(control, "late", work).get(10, TimeUnit.SECONDS);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("10");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(ran).containsExactly("holder");
        release.countDown();
        assertThat(holder.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        // the permit came back: the next request runs
        assertThat(submit(control, "after", (req, res) -> ran.add("after")).get(10, TimeUnit.SECONDS).getStatus())
                .isEqualTo(200);
        assertThat(ran).containsExactly("holder", "after");
    }

    @Test
    void aFailingRequestGivesItsPermitBack() throws Exception {
        var control = new AdmissionControl(1, Duration.ofMillis(100));
        FilterChain fails = (req, res) -> {
            throw new IllegalStateException("boom");
        };
        var failed = pool.submit(() -> {
            signedIn();
            try {
                control.doFilter(request("fails"), new MockHttpServletResponse(), fails);
                return "no exception";
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        });
        assertThat(failed.get(10, TimeUnit.SECONDS)).isEqualTo("boom");
        assertThat(submit(control, "next", (req, res) -> { }).get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    }

    @Test
    void aClientSendingItsBodySlowlyHoldsNoTurn() throws Exception {
        var control = new AdmissionControl(1, Duration.ofSeconds(10));
        var bodyArrives = new CountDownLatch(1);
        var reading = new CountDownLatch(1);
        var slowBody = new java.io.InputStream() {
            private final java.io.InputStream rest = new java.io.ByteArrayInputStream(
                    "{\"alias\":\"Айгүл\"}".getBytes(StandardCharsets.UTF_8));

            @Override
            public int read() throws java.io.IOException {
                reading.countDown();
                AdmissionControlTest.await(bodyArrives);
                return rest.read();
            }
        };
        var slow = new MockHttpServletRequest("POST", "/api/v1/clients") {
            @Override
            public jakarta.servlet.ServletInputStream getInputStream() {
                return new DelegatingServletInputStream(slowBody);
            }
        };
        slow.setContentType("application/json;charset=UTF-8");
        slow.addHeader("Transfer-Encoding", "chunked");
        var seen = new CopyOnWriteArrayList<String>();
        Future<MockHttpServletResponse> sending = pool.submit(() -> {
            signedIn();
            var response = new MockHttpServletResponse();
            control.doFilter(slow, response, (req, res) -> seen.add(((HttpServletRequest) req).getReader().readLine()));
            return response;
        });
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
        // while that body is still on its way, another request has the only turn and finishes
        assertThat(submit(control, "quick", (req, res) -> seen.add("quick")).get(10, TimeUnit.SECONDS).getStatus())
                .isEqualTo(200);
        assertThat(seen).containsExactly("quick");
        bodyArrives.countDown();
        assertThat(sending.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(seen).containsExactly("quick", "{\"alias\":\"Айгүл\"}");
    }

    @Test
    void aBodyOverTheLimitIs413BeforeQueueing() throws Exception {
        var control = new AdmissionControl(1, Duration.ofSeconds(10));
        var tooLarge = new MockHttpServletRequest("POST", "/api/v1/clients") {
            @Override
            public jakarta.servlet.ServletInputStream getInputStream() {
                throw new BodyTooLargeException();
            }
        };
        tooLarge.setContentType("application/json");
        tooLarge.setContent(new byte[10]);
        var response = new MockHttpServletResponse();
        var ran = new CopyOnWriteArrayList<String>();
        signedIn();
        control.doFilter(tooLarge, response, (req, res) -> ran.add("chain"));
        SecurityContextHolder.clearContext();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(ran).isEmpty();
    }

    @Test
    void aSlowReaderOfTheAnswerHoldsNoTurn() throws Exception {
        var control = new AdmissionControl(1, Duration.ofSeconds(10));
        var clientReads = new CountDownLatch(1);
        var sending = new CountDownLatch(1);
        var slowLine = new java.io.ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                sending.countDown();
                AdmissionControlTest.await(clientReads);
                super.write(b, off, len);
            }

            @Override
            public synchronized void write(int b) {
                sending.countDown();
                AdmissionControlTest.await(clientReads);
                super.write(b);
            }
        };
        var response = new MockHttpServletResponse() {
            @Override
            public jakarta.servlet.ServletOutputStream getOutputStream() {
                return new org.springframework.mock.web.DelegatingServletOutputStream(slowLine);
            }
        };
        Future<?> report = pool.submit(() -> {
            signedIn();
            control.doFilter(request("report"), response, (req, res) -> res.getOutputStream().write(new byte[100_000]));
            return null;
        });
        assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
        // the report's bytes are still on their way to a slow client, and another request has the only turn
        assertThat(submit(control, "quick", (req, res) -> res.getWriter().write("done")).get(10, TimeUnit.SECONDS)
                .getContentAsString()).isEqualTo("done");
        clientReads.countDown();
        report.get(10, TimeUnit.SECONDS);
        assertThat(slowLine.size()).isEqualTo(100_000);
    }

    @Test
    void anonymousRequestsAndStaticFilesNeverQueue() throws Exception {
        var control = new AdmissionControl(1, Duration.ofMillis(100));
        var release = new CountDownLatch(1);
        var ran = new CopyOnWriteArrayList<String>();
        Future<MockHttpServletResponse> holder = submit(control, "holder", (req, res) -> {
            ran.add("holder");
            await(release);
        });
        awaitUntil(() -> ran.contains("holder"));
        var anonymous = pool.submit(() -> {
            SecurityContextHolder.clearContext();
            var response = new MockHttpServletResponse();
            control.doFilter(new MockHttpServletRequest("GET", "/login"), response, (req, res) -> ran.add("login"));
            return response;
        });
        assertThat(anonymous.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        var css = pool.submit(() -> {
            signedIn();
            var response = new MockHttpServletResponse();
            control.doFilter(new MockHttpServletRequest("GET", "/css/ishenim.css"), response, (req, res) -> ran.add("css"));
            return response;
        });
        assertThat(css.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(ran).containsExactly("holder", "login", "css");
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aBusyPageGetsTheErrorPageAndABusyApiCallAProblem() throws Exception {
        var control = new AdmissionControl(1, Duration.ofMillis(50));
        var release = new CountDownLatch(1);
        var started = new CountDownLatch(1);
        Future<MockHttpServletResponse> holder = submit(control, "holder", (req, res) -> {
            started.countDown();
            await(release);
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        var page = pool.submit(() -> {
            signedIn();
            var response = new MockHttpServletResponse();
            control.doFilter(new MockHttpServletRequest("GET", "/dosing"), response, (req, res) -> { });
            return response;
        }).get(10, TimeUnit.SECONDS);
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getErrorMessage()).isNull();
        assertThat(page.getContentType()).isNull(); // left to the error page
        var api = submit(control, "api", (req, res) -> { }).get(10, TimeUnit.SECONDS);
        assertThat(api.getStatus()).isEqualTo(503);
        assertThat(api.getContentType()).startsWith("application/problem+json");
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
    }

    /** A signed-in nurse on this thread: only signed-in requests queue. */
    private static void signedIn() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("nurse",
                null, List.of(new SimpleGrantedAuthority("ROLE_NURSE"))));
    }

    private Future<MockHttpServletResponse> submit(AdmissionControl control, String name, FilterChain chain) {
        return pool.submit(() -> {
            signedIn();
            var response = new MockHttpServletResponse();
            control.doFilter(request(name), response, chain);
            return response;
        });
    }

    private static MockHttpServletRequest request(String name) {
        var request = new MockHttpServletRequest("POST", "/api/v1/dispensings");
        request.setAttribute("name", name);
        return request;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
