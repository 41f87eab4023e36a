package org.ishenim.dosing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ishenim.stock.SiteCode;
import org.ishenim.stock.StockReports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/** The demo clinic's morning: the queue shows every status, and the month's stock report balances. */
@SpringBootTest(properties = "ishenim.demo.clients=60")
@ActiveProfiles({"test", "demo"})
class DemoOatTest {

    @Autowired
    Dosing dosing;
    @Autowired
    StockReports reports;

    @Test
    void theQueueShowsDosedDueBlockedAndTakeHomeClients() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("nurse",
                null, List.of(new SimpleGrantedAuthority("ROLE_NURSE"))));
        try {
            var queue = dosing.queue("");
            assertThat(queue).hasSizeGreaterThan(40);
            Set<QueueEntry.Status> statuses = queue.stream().map(QueueEntry::status).collect(Collectors.toSet());
            assertThat(statuses).containsExactlyInAnyOrder(QueueEntry.Status.values());
            Set<String> reasons = queue.stream().map(QueueEntry::blockReason).filter(r -> r != null).collect(Collectors.toSet());
            assertThat(reasons).contains("review-required", "reinduction-required", "countersign-pending");
            assertThat(queue).anyMatch(e -> e.band() == DoseBand.HALF);
            assertThat(queue).allMatch(e -> e.prescribed() == null || e.prescribed().value().intValue() <= 130);
            var month = java.time.YearMonth.from(dosing.today());
            assertThat(reports.monthly(new SiteCode("main"), month).balances()).isTrue();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
