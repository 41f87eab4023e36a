package org.ishenim.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientRecords;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;
import org.ishenim.prescriptions.Prescribing;
import org.ishenim.stock.SiteCode;
import org.ishenim.stock.StockLedger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The dosing screen with 500 clients in the queue costs under 300 ms of server (CPU) time. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class DosingQueuePerformanceTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRecords clients;
    @Autowired
    Prescribing prescribing;
    @Autowired
    StockLedger stock;
    @Autowired
    Dosing dosing;

    @Test
    void fiveHundredClientsRenderUnder300Ms() throws Exception {
        try {
            as("pharmacist", "ROLE_PHARMACIST");
            stock.receive(new SiteCode("main"), Medicine.METHADONE_ORAL_10MG_ML, Milligrams.of(1_000_000), "s", "b");
            for (int i = 0; i < 500; i++) {
                ClientId c = OatFixture.client(clients);
                as("doctor", "ROLE_DOCTOR");
                prescribing.prescribe(c, Medicine.METHADONE_ORAL_10MG_ML, Milligrams.of(20 + i % 3 * 5), null, null,
                        i % 5 == 0 ? 2 : 0, null);
                if (i % 2 == 0) {
                    as("nurse", "ROLE_NURSE");
                    dosing.dispense(new DoseRequest(c.value(), String.valueOf(20 + i % 3 * 5), true, 0, null, null),
                            UUID.randomUUID().toString());
                }
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        as("nurse", "ROLE_NURSE");
        long[] query = new long[5];
        for (int i = 0; i < query.length; i++) {
            long t0 = System.nanoTime();
            assertThat(dosing.queue("")).hasSize(500);
            query[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        System.out.println("Dosing.queue() with 500 clients, wall: " + Arrays.toString(query) + " ms");
        Arrays.sort(query);
        // the set-based queue query (with its audit entry), wall time including the database
        assertThat(query[query.length / 2]).isLessThan(300);
        SecurityContextHolder.clearContext();
        // MockMvc serves the request on this thread, so its CPU time is the server's own cost, apart from
        // waiting for a CPU on a loaded machine (the wall time is printed too).
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] times = new long[7];
        long[] wall = new long[7];
        String body = null;
        for (int i = 0; i < times.length; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            var r = mvc.perform(get("/dosing").with(user("nurse").roles("NURSE"))).andReturn();
            wall[i] = (System.nanoTime() - t0) / 1_000_000;
            times[i] = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
            body = r.getResponse().getContentAsString();
        }
        System.out.println("Dosing queue, 500 clients, wall: " + Arrays.toString(wall) + " ms");
        assertThat(body.split("data-status=\"DOSED\"").length - 1).isEqualTo(250);
        assertThat(body.split("data-status=\"DUE\"").length - 1).isEqualTo(250);
        long[] warm = Arrays.copyOfRange(times, 2, times.length);
        Arrays.sort(warm);
        long median = warm[warm.length / 2];
        System.out.println("Dosing queue, 500 clients, server CPU: " + Arrays.toString(times) + " ms, median warm " + median + " ms");
        assertThat(median).isLessThan(300);
    }

    static void as(String name, String role) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(name, null, List.of(new SimpleGrantedAuthority(role))));
    }
}
