package org.ishenim.indicators;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.web.CurrentStaff;
import org.ishenim.web.FreeText;
import org.ishenim.web.HubOnly;
import org.ishenim.web.InvalidFieldsException;
import org.ishenim.web.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Population size estimates on the hub (docs/indicators.md, "Coverage against the population"): how many people who
 * inject drugs or use opioids live in a region (or the country), in a year, by the analyst's source. The population
 * denominator of HIV.IND.11. One current estimate per region and year: a new one replaces it, and the replaced one is
 * kept in the history table. Every write is audited ({@code population.write}, the region code and year only, never
 * the source text); nothing here is about a client.
 */
@Service
@HubOnly
class PopulationEstimates {

    /** The source column's length. */
    static final int MAX_SOURCE = 500;
    /** A population far above any country's people who use opioids; a typing error beyond it. */
    static final long MAX_SIZE = 100_000_000L;
    static final int FIRST_YEAR = 1990;
    private static final Pattern REGION = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,12}");

    /** One estimate: region code, year, size, source, who entered it and when. */
    record Estimate(String region, int year, long size, String source, String enteredBy, Instant enteredAt) {
    }

    /** An estimate a later one replaced, with who replaced it and when. */
    record Replaced(Estimate estimate, String replacedBy, Instant replacedAt) {
    }

    /** An estimate as typed into the form, checked by {@link #parse}. */
    record Entry(String region, int year, long size, String source) {
    }

    private final JdbcClient db;
    private final AuditLog audit;
    private final Clock clock;

    PopulationEstimates(JdbcClient db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The form's fields checked: a region code (letters, digits, '-' and '_', at most 40), a year from
     * {@value #FIRST_YEAR} to next year, a whole number of people from 1 to {@value #MAX_SIZE}, and a source (free
     * text, required, at most {@value #MAX_SOURCE} characters). Every field in error is named at once, each with a
     * code, never the value typed.
     */
    Entry parse(String region, String year, String size, String source) {
        Map<String, String> errors = new LinkedHashMap<>();
        String r = region == null ? "" : region.strip();
        if (!REGION.matcher(r).matches()) {
            errors.put("region", "code");
        }
        int y = 0;
        int lastYear = Year.now(clock.withZone(ZoneOffset.UTC)).getValue() + 1;
        String ys = year == null ? "" : year.strip();
        if (ys.matches("[0-9]{4}") && Integer.parseInt(ys) >= FIRST_YEAR && Integer.parseInt(ys) <= lastYear) {
            y = Integer.parseInt(ys);
        } else {
            errors.put("year", "range");
        }
        long n = 0;
        String ss = size == null ? "" : size.strip();
        if (WHOLE.matcher(ss).matches() && Long.parseLong(ss) >= 1 && Long.parseLong(ss) <= MAX_SIZE) {
            n = Long.parseLong(ss);
        } else {
            errors.put("size", "whole");
        }
        String text = null;
        try {
            text = FreeText.required("source", source, MAX_SOURCE, "required");
        } catch (InvalidFieldsException e) {
            errors.put("source", "text");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return new Entry(r, y, n, text);
    }

    /**
     * Stores the estimate; one for the same region and year is replaced and kept in the history (two analysts saving
     * the same region and year at once: one inserts, the other replaces). Audited.
     */
    @Transactional
    void record(Entry entry) {
        String who = CurrentStaff.username();
        OffsetDateTime now = Utc.of(clock.instant());
        int inserted = db.sql("""
                INSERT INTO hub_population_estimate (region, estimate_year, population_size, source, entered_by,
                                                     entered_at)
                VALUES (:region, :year, :size, :source, :by, :at) ON CONFLICT DO NOTHING
                """).param("region", entry.region()).param("year", entry.year()).param("size", entry.size())
                .param("source", entry.source()).param("by", who).param("at", now).update();
        if (inserted == 0) {
            Estimate old = db.sql("""
                    SELECT region, estimate_year, population_size, source, entered_by, entered_at
                    FROM hub_population_estimate WHERE region = :region AND estimate_year = :year FOR UPDATE
                    """).param("region", entry.region()).param("year", entry.year())
                    .query(PopulationEstimates::estimate).single();
            db.sql("""
                    INSERT INTO hub_population_estimate_history (id, region, estimate_year, population_size, source,
                                                                 entered_by, entered_at, replaced_by, replaced_at)
                    VALUES (:id, :region, :year, :size, :source, :by, :at, :replacedBy, :replacedAt)
                    """).param("id", UUID.randomUUID()).param("region", old.region()).param("year", old.year())
                    .param("size", old.size()).param("source", old.source()).param("by", old.enteredBy())
                    .param("at", Utc.of(old.enteredAt())).param("replacedBy", who).param("replacedAt", now).update();
            db.sql("""
                    UPDATE hub_population_estimate SET population_size = :size, source = :source, entered_by = :by,
                           entered_at = :at
                    WHERE region = :region AND estimate_year = :year
                    """).param("size", entry.size()).param("source", entry.source()).param("by", who)
                    .param("at", now).param("region", entry.region()).param("year", entry.year()).update();
        }
        audit.record("population.write", null, entry.region() + " " + entry.year()
                + (inserted == 0 ? " replaced" : " new"), Outcome.SUCCESS);
    }

    /** A refused entry (fields in error), audited without any value typed. */
    void refused() {
        audit.record("population.write", null, "invalid", Outcome.FAILED);
    }

    /** Every current estimate, by region then year (latest first). */
    @Transactional(readOnly = true)
    List<Estimate> current() {
        return db.sql("""
                SELECT region, estimate_year, population_size, source, entered_by, entered_at
                FROM hub_population_estimate ORDER BY region, estimate_year DESC
                """).query(PopulationEstimates::estimate).list();
    }

    /** Every replaced estimate, by region, year, then most recently replaced first. */
    @Transactional(readOnly = true)
    List<Replaced> replaced() {
        return db.sql("""
                SELECT region, estimate_year, population_size, source, entered_by, entered_at, replaced_by,
                       replaced_at
                FROM hub_population_estimate_history ORDER BY region, estimate_year DESC, replaced_at DESC
                """).query((rs, n) -> new Replaced(estimate(rs, n), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class).toInstant())).list();
    }

    /**
     * For each region (and the national organisation unit) with one, the latest estimate whose year is at most
     * {@code year}: the population denominator of a census date in that year.
     */
    @Transactional(readOnly = true)
    Map<String, Estimate> latestUpTo(int year) {
        Map<String, Estimate> latest = new LinkedHashMap<>();
        for (Estimate e : db.sql("""
                SELECT region, estimate_year, population_size, source, entered_by, entered_at
                FROM hub_population_estimate WHERE estimate_year <= :year ORDER BY region, estimate_year DESC
                """).param("year", year).query(PopulationEstimates::estimate).list()) {
            latest.putIfAbsent(e.region(), e);
        }
        return latest;
    }

    /** The region codes the sites have reported under (the form suggests them). */
    @Transactional(readOnly = true)
    List<String> reportedRegions() {
        return db.sql("SELECT DISTINCT region FROM hub_monthly_report WHERE region <> '' ORDER BY region")
                .query(String.class).list();
    }

    private static Estimate estimate(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Estimate(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant());
    }
}
