package org.ishenim.indicators;

import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hub's copy of each site's treatment-demand part (tables {@code hub_monthly_report_tdi} and
 * {@code hub_monthly_report_tdi_cell}): stored and replaced with its report ({@link HubMonthlyReports}), and read
 * only by the national TDI table ({@link NationalTreatmentDemand}), which suppresses before anything leaves the hub.
 */
final class HubTreatmentDemand {

    /** One site's latest treatment-demand part in a year: the month of the report that carried it, and the part. */
    record SitePart(String site, String month, TreatmentDemandPart part) {
    }

    private HubTreatmentDemand() {
    }

    static void insert(JdbcClient db, String site, String month, TreatmentDemandPart tdi) {
        if (tdi == null) {
            return;
        }
        db.sql("""
                INSERT INTO hub_monthly_report_tdi (site_code, report_month, counted, without_consent)
                VALUES (:site, :m, :counted, :without)
                """).param("site", site).param("m", month).param("counted", tdi.counted())
                .param("without", tdi.withoutConsent()).update();
        for (TreatmentDemandPart.Cell c : tdi.cells()) {
            db.sql("""
                    INSERT INTO hub_monthly_report_tdi_cell (site_code, report_month, dimension, category, status,
                                                             cell_count)
                    VALUES (:site, :m, :dimension, :category, :status, :count)
                    """).param("site", site).param("m", month).param("dimension", c.dimension())
                    .param("category", c.category()).param("status", c.status()).param("count", c.count()).update();
        }
    }

    static void delete(JdbcClient db, String site, String month) {
        db.sql("DELETE FROM hub_monthly_report_tdi_cell WHERE site_code = :site AND report_month = :m")
                .param("site", site).param("m", month).update();
        db.sql("DELETE FROM hub_monthly_report_tdi WHERE site_code = :site AND report_month = :m")
                .param("site", site).param("m", month).update();
    }

    /**
     * For each site, the part of its latest stored report in the year that carries one (the December report, or a
     * later correction of it, holds the whole year), by site code.
     */
    static List<SitePart> latestIn(JdbcClient db, Year year) {
        String from = year.atMonth(1).toString();
        String to = year.atMonth(12).toString();
        Map<String, List<TreatmentDemandPart.Cell>> cells = new HashMap<>();
        db.sql("""
                SELECT c.site_code, c.dimension, c.category, c.status, c.cell_count
                FROM hub_monthly_report_tdi_cell c
                WHERE c.report_month = (SELECT MAX(t.report_month) FROM hub_monthly_report_tdi t
                                        WHERE t.site_code = c.site_code AND t.report_month >= :from
                                          AND t.report_month <= :to)
                """).param("from", from).param("to", to).query((rs, n) -> {
                    cells.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new TreatmentDemandPart.Cell(
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
                    return null;
                }).list();
        return db.sql("""
                SELECT t.site_code, t.report_month, t.counted, t.without_consent FROM hub_monthly_report_tdi t
                WHERE t.report_month = (SELECT MAX(u.report_month) FROM hub_monthly_report_tdi u
                                        WHERE u.site_code = t.site_code AND u.report_month >= :from
                                          AND u.report_month <= :to)
                ORDER BY t.site_code
                """).param("from", from).param("to", to).query((rs, n) -> new SitePart(rs.getString(1),
                        rs.getString(2), new TreatmentDemandPart(rs.getInt(3), rs.getInt(4),
                                cells.getOrDefault(rs.getString(1), List.of())))).list();
    }
}
