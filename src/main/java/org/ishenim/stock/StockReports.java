package org.ishenim.stock;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.medicines.Medicine;
import org.ishenim.web.ClinicOnly;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the monthly stock report from the ledger with set-based SQL. The closing balance is read from the
 * ledger's running balance (the last entry's {@code balance_after_mg}), not computed from the movements,
 * so the report checks the ledger rather than restating it.
 */
@Service
@ClinicOnly
public class StockReports {

    private final JdbcClient db;
    private final ZoneId zone;
    private final AuditLog audit;
    private final org.ishenim.web.PlausibleDates dates;

    StockReports(JdbcClient db, AuditLog audit, org.ishenim.web.ClinicZone zone, org.ishenim.web.PlausibleDates dates) {
        this.dates = dates;
        this.db = db;
        this.audit = audit;
        this.zone = zone.id();
    }

    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public MonthlyStockReport monthly(SiteCode site, YearMonth month) {
        dates.clinical().check("month", month.atDay(1));
        OffsetDateTime start = month.atDay(1).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
        Map<Medicine, BigDecimal[]> sums = new EnumMap<>(Medicine.class);
        db.sql("""
                SELECT e.medicine, COALESCE(o.kind, e.kind) AS kind, SUM(e.delta_mg) AS total
                FROM stock_entry e LEFT JOIN stock_entry o ON o.id = e.reverses
                WHERE e.site_code = :s AND e.occurred_at >= :start AND e.occurred_at < :end
                GROUP BY e.medicine, COALESCE(o.kind, e.kind)
                """)
                .param("s", site.value()).param("start", start).param("end", end)
                .query(rs -> {
                    BigDecimal[] a = sums.computeIfAbsent(Medicine.valueOf(rs.getString(1)), m -> zeros());
                    BigDecimal total = rs.getBigDecimal(3);
                    switch (EntryKind.valueOf(rs.getString(2))) {
                        case RECEIPT -> a[0] = a[0].add(total);
                        case DISPENSING -> a[1] = a[1].add(total.negate());
                        case WASTE -> a[2] = a[2].add(total.negate());
                        case TRANSFER_IN -> a[3] = a[3].add(total);
                        case TRANSFER_OUT -> a[4] = a[4].add(total.negate());
                        default -> { }
                    }
                });
        Map<Medicine, BigDecimal> opening = lastBalances(site, start);
        Map<Medicine, BigDecimal> closing = lastBalances(site, end);
        Map<Medicine, BigDecimal[]> counts = new EnumMap<>(Medicine.class);
        db.sql("""
                SELECT e.medicine, e.counted_mg, e.variance_mg FROM stock_entry e
                WHERE e.site_code = :s AND e.kind = 'COUNT' AND e.occurred_at >= :start AND e.occurred_at < :end
                  AND e.id = (SELECT MAX(c.id) FROM stock_entry c WHERE c.site_code = e.site_code
                              AND c.medicine = e.medicine AND c.kind = 'COUNT' AND c.occurred_at >= :start AND c.occurred_at < :end)
                """)
                .param("s", site.value()).param("start", start).param("end", end)
                .query(rs -> {
                    counts.put(Medicine.valueOf(rs.getString(1)), new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3)});
                });
        List<MonthlyStockReport.Line> lines = new ArrayList<>();
        for (Medicine m : Medicine.values()) {
            BigDecimal open = opening.getOrDefault(m, BigDecimal.ZERO);
            BigDecimal close = closing.getOrDefault(m, BigDecimal.ZERO);
            BigDecimal[] s = sums.get(m);
            BigDecimal[] c = counts.get(m);
            if (s == null && c == null && open.signum() == 0 && close.signum() == 0) {
                continue;
            }
            s = s == null ? zeros() : s;
            lines.add(new MonthlyStockReport.Line(m, open, s[0], s[1], s[2], s[3], s[4], close,
                    c == null ? null : c[0], c == null ? null : c[1]));
        }
        audit.record("report.stock", null, site + " " + month, Outcome.SUCCESS);
        return new MonthlyStockReport(site, month, lines);
    }

    /** The running balance after the last entry before {@code before}, per medicine. */
    private Map<Medicine, BigDecimal> lastBalances(SiteCode site, OffsetDateTime before) {
        Map<Medicine, BigDecimal> result = new EnumMap<>(Medicine.class);
        db.sql("""
                SELECT e.medicine, e.balance_after_mg FROM stock_entry e
                WHERE e.id IN (SELECT MAX(x.id) FROM stock_entry x WHERE x.site_code = :s AND x.occurred_at < :before
                               GROUP BY x.medicine)
                """)
                .param("s", site.value()).param("before", before)
                .query(rs -> {
                    result.put(Medicine.valueOf(rs.getString(1)), rs.getBigDecimal(2));
                });
        return result;
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }
}
