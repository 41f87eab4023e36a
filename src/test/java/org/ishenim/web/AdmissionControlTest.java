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
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
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
        control.doFilter(tooLarge, response, (req, res) -> ran.add("chain"));
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(ran).isEmpty();
    }

    @Test
    void formFieldsAreParsedBeforeQueueingAndStillReachTheChain() throws Exception {
        var control = new AdmissionControl(1, Duration.ofSeconds(10));
        var form = new MockHttpServletRequest("POST", "/dosing");
        form.setContentType("application/x-www-form-urlencoded");
        form.setContent("doseMg=30".getBytes(StandardCharsets.UTF_8));
        form.addParameter("doseMg", "30");
        var seen = new CopyOnWriteArrayList<String>();
        control.doFilter(form, new MockHttpServletResponse(), (req, res) -> seen.add(req.getParameter("doseMg")));
        assertThat(seen).containsExactly("30");
    }

    private Future<MockHttpServletResponse> submit(AdmissionControl control, String name, FilterChain chain) {
        return pool.submit(() -> {
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
