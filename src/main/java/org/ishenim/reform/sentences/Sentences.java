package org.ishenim.reform.sentences;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.ishenim.reform.Country;
import org.ishenim.web.HubOnly;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sentences table. Plain SQL, parameterised. */
@Repository
@HubOnly
class Sentences {

    private final JdbcClient db;
    private final NamedParameterJdbcTemplate batches;

    Sentences(JdbcClient db, NamedParameterJdbcTemplate batches) {
        this.db = db;
        this.batches = batches;
    }

    Set<String> existingHashes(Collection<String> hashes) {
        Set<String> found = new HashSet<>();
        List<String> all = List.copyOf(hashes);
        for (int i = 0; i < all.size(); i += 500) {
            found.addAll(db.sql("SELECT case_hash FROM reform_sentence WHERE case_hash IN (:hashes)")
                    .param("hashes", all.subList(i, Math.min(all.size(), i + 500))).query(String.class).list());
        }
        return found;
    }

    /** Inserts in JDBC batches of 500. */
    void insertAll(Country country, List<Sentence> list, UUID importId) {
        String sql = """
                INSERT INTO reform_sentence (country, case_hash, court, region, sentence_date, article, measure,
                                             expert_finding, treatment_months, outcome, synthetic, import_id)
                VALUES (:country, :hash, :court, :region, :date, :article, :measure, :finding, :months, :outcome,
                        :synthetic, :import)
                """;
        for (int i = 0; i < list.size(); i += 500) {
            SqlParameterSource[] batch = list.subList(i, Math.min(list.size(), i + 500)).stream()
                    .map(s -> new MapSqlParameterSource()
                            .addValue("country", country.code()).addValue("hash", s.caseHash())
                            .addValue("court", s.court()).addValue("region", s.region()).addValue("date", s.date())
                            .addValue("article", s.article()).addValue("measure", s.measure().name())
                            .addValue("finding", s.finding().name()).addValue("months", s.treatmentMonths())
                            .addValue("outcome", s.outcome()).addValue("synthetic", s.synthetic())
                            .addValue("import", importId))
                    .toArray(SqlParameterSource[]::new);
            batches.batchUpdate(sql, batch);
        }
    }

    void recordImport(UUID id, Country country, String fileName, String by, Instant at, int added, int existing,
            int rejected) {
        db.sql("""
                INSERT INTO reform_import (id, country, kind, file_name, imported_by, imported_at, rows_added,
                                           rows_existing, rows_rejected)
                VALUES (:id, :country, 'SENTENCES', :file, :by, :at, :added, :existing, :rejected)
                """)
                .param("id", id).param("country", country.code()).param("file", fileName).param("by", by)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("added", added)
                .param("existing", existing).param("rejected", rejected)
                .update();
    }

    List<Sentence> of(Country country) {
        return db.sql("SELECT * FROM reform_sentence WHERE country = :country ORDER BY sentence_date, id")
                .param("country", country.code()).query(Sentences::sentence).list();
    }

    long count(Country country) {
        return db.sql("SELECT COUNT(*) FROM reform_sentence WHERE country = :country").param("country", country.code())
                .query(Long.class).single();
    }

    boolean anySynthetic(Country country) {
        return db.sql("SELECT COUNT(*) FROM reform_sentence WHERE country = :country AND synthetic = TRUE")
                .param("country", country.code()).query(Long.class).single() > 0;
    }

    List<ImportRecord> imports(Country country) {
        return db.sql("""
                SELECT file_name, imported_by, imported_at, rows_added, rows_existing, rows_rejected
                FROM reform_import WHERE country = :country AND kind = 'SENTENCES' ORDER BY imported_at DESC
                """)
                .param("country", country.code())
                .query((rs, n) -> new ImportRecord(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getInt(4), rs.getInt(5), rs.getInt(6)))
                .list();
    }

    private static Sentence sentence(ResultSet rs, int n) throws SQLException {
        return new Sentence(rs.getString("case_hash"), rs.getString("court"), rs.getString("region"),
                rs.getObject("sentence_date", LocalDate.class), rs.getString("article"),
                Measure.valueOf(rs.getString("measure")), ExpertFinding.valueOf(rs.getString("expert_finding")),
                rs.getInt("treatment_months"), rs.getString("outcome"), rs.getBoolean("synthetic"));
    }
}
