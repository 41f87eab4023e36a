package org.ishenim.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.UUID;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientRecords;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;
import org.ishenim.prescriptions.Prescribing;
import org.ishenim.stock.SiteCode;
import org.ishenim.stock.StockLedger;
import org.ishenim.testing.SqlStatements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.ishenim.testing.BothDatabases;

/**
 * The dosing screen is set-based: the queue and its page cost the same few SQL statements for 10 clients as for 50
 * (no statement per client). A count, not a time: a time depends on the machine's load, and belongs in the
 * benchmarks ({@code bench/dosing.sh} measures the server over HTTP, docs/oat.md).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(SqlStatements.Counting.class)
@BothDatabases
class DosingQueuePerformanceTest {

    /**
     * One read per module that owns part of the queue, each for the whole queue: the courses in effect
     * (prescriptions), the pseudonyms and the treatment consents (clients), the last dose days and today's doses
     * (dosing); and the audit entry.
     */
    static final int MOST_STATEMENTS_FOR_THE_QUEUE = 6;

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

    int enrolled;

    @Test
    void theQueueCostsTheSameStatementsWhateverItsLength() throws Exception {
        as("pharmacist", "ROLE_PHARMACIST");
        stock.receive(new SiteCode("main"), Medicine.METHADONE_ORAL_10MG_ML, Milligrams.of(100_000), "s", "b");
        enrol(10);
        Cost ten = cost();
        enrol(40);
        Cost fifty = cost();

        assertThat(fifty.queue()).isEqualTo(ten.queue()).isLessThanOrEqualTo(MOST_STATEMENTS_FOR_THE_QUEUE);
        assertThat(fifty.page()).isEqualTo(ten.page());
        assertThat(fifty.body().split("data-status=\"DOSED\"").length - 1).isEqualTo(25);
        assertThat(fifty.body().split("data-status=\"DUE\"").length - 1).isEqualTo(25);
        System.out.println("Dosing queue, SQL statements: " + ten + " for 10 clients, " + fifty + " for 50");
    }

    record Cost(long queue, long page, String body) {
        @Override
        public String toString() {
            return "queue " + queue + ", page " + page;
        }
    }

    Cost cost() throws Exception {
        as("nurse", "ROLE_NURSE");
        dosing.queue(""); // warm: what is read once per process is not the queue's cost
        long queue = SqlStatements.during(() -> assertThat(dosing.queue("")).hasSize(enrolled));
        SecurityContextHolder.clearContext();
        mvc.perform(get("/dosing").with(user("nurse").roles("NURSE")));
        String[] body = new String[1];
        long page = SqlStatements.during(() -> body[0] = mvc.perform(get("/dosing").with(user("nurse").roles("NURSE")))
                .andReturn().getResponse().getContentAsString());
        return new Cost(queue, page, body[0]);
    }

    void enrol(int n) {
        try {
            for (int i = 0; i < n; i++, enrolled++) {
                ClientId c = OatFixture.client(clients);
                as("doctor", "ROLE_DOCTOR");
                prescribing.prescribe(c, Medicine.METHADONE_ORAL_10MG_ML, Milligrams.of(20 + i % 3 * 5), null, null,
                        i % 5 == 0 ? 2 : 0, null);
                if (enrolled % 2 == 0) {
                    as("nurse", "ROLE_NURSE");
                    dosing.dispense(new DoseRequest(c.value(), String.valueOf(20 + i % 3 * 5), true, 0, null, null),
                            UUID.randomUUID().toString());
                }
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static void as(String name, String role) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(name, null, List.of(new SimpleGrantedAuthority(role))));
    }
}
