package org.ishenim.indicators;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The clinic's copy of a frozen report's treatment-demand part (tables {@code monthly_report_tdi} and
 * {@code monthly_report_tdi_cell}), written in the freeze's transaction and read back to send the report.
 */
final class TreatmentDemandStore {

    private TreatmentDemandStore() {
    }

    static void insert(JdbcClient db, UUID report, TreatmentDemandPart tdi) {
        if (tdi == null) {
            return;
        }
        db.sql("""
                INSERT INTO monthly_report_tdi (report_id, counted, without_consent) VALUES (:id, :counted, :without)
                """).param("id", report).param("counted", tdi.counted()).param("without", tdi.withoutConsent())
                .update();
        for (TreatmentDemandPart.Cell c : tdi.cells()) {
            db.sql("""
                    INSERT INTO monthly_report_tdi_cell (report_id, dimension, category, status, cell_count)
                    VALUES (:id, :dimension, :category, :status, :count)
                    """).param("id", report).param("dimension", c.dimension()).param("category", c.category())
                    .param("status", c.status()).param("count", c.count()).update();
        }
    }

    /** The stored part, or null for a report frozen without one. */
    static TreatmentDemandPart read(JdbcClient db, UUID report) {
        var header = db.sql("SELECT counted, without_consent FROM monthly_report_tdi WHERE report_id = :id")
                .param("id", report).query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) }).optional();
        if (header.isEmpty()) {
            return null;
        }
        List<TreatmentDemandPart.Cell> cells = db.sql("""
                SELECT dimension, category, status, cell_count FROM monthly_report_tdi_cell WHERE report_id = :id
                """).param("id", report).query((rs, n) -> new TreatmentDemandPart.Cell(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getLong(4))).list();
        return new TreatmentDemandPart(header.get()[0], header.get()[1], cells);
    }
}
