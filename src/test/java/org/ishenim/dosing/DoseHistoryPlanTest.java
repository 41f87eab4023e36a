package org.ishenim.dosing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.ishenim.testing.SqlStatements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The indicators' read of a period's doses ({@link DoseHistory#givenBetween}, some 800,000 rows for a month's
 * indicators at a clinic of 5,000 clients) is answered by H2 from one index holding every column it needs, and
 * without a sort: H2 keeps at most {@code MAX_MEMORY_ROWS} result rows in memory, and beyond that a sort went through
 * a temporary table on disk (docs/indicators.md, "Benchmark"). A plan, not a time: a time belongs in
 * {@code bench/indicators.sh}. H2 only: PostgreSQL plans by the table's statistics, and an empty table is scanned.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(SqlStatements.Recording.class)
class DoseHistoryPlanTest {

    static final LocalDate FROM = LocalDate.of(2026, 3, 31);
    static final LocalDate TO = LocalDate.of(2026, 11, 30);

    @Autowired
    DoseHistory history;
    @Autowired
    JdbcClient db;

    @Test
    void aPeriodsDosesAreReadFromOneCoveringIndexWithoutASort() throws Exception {
        List<String> sent = SqlStatements.sent(() -> history.givenBetween(FROM, TO));

        assertThat(sent).hasSize(1);
        String plan = db.sql("EXPLAIN " + sent.get(0)).param(FROM).param(TO).query(String.class).single();
        assertThat(plan).containsIgnoringCase("dispensing_for_indicators").doesNotContainIgnoringCase("order by");
    }
}
