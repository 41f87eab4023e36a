package org.ishenim.hub;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.linkage.Clk;
import org.ishenim.linkage.Matcher;
import org.ishenim.web.HubOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The encodings sites upload, in the database and in memory. A query answers only which site and which of
 * that site's references are candidates: never an encoding, never a similarity.
 */
@Service
@HubOnly
class HubEncodings implements org.springframework.beans.factory.SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(HubEncodings.class);

    /** A possible duplicate: a site and that site's opaque reference. {@code sameSite}: at the asking site. */
    record Candidate(String site, String reference, boolean sameSite) {
    }

    record Census(int sites, int encodings, int uniqueClients, double threshold) {
    }

    private final JdbcClient db;
    private final AuditLog audit;
    private final Clock clock;
    private final EncodingIndex index = new EncodingIndex();
    private final UniqueClients uniqueClients;
    private final double threshold;
    private final int maxCandidates;
    private final QueryQuota quota;
    private volatile Counted census;

    HubEncodings(JdbcClient db, AuditLog audit, Clock clock, @Value("${ishenim.hub.threshold:#{T(org.ishenim.linkage.EncodingConfiguration).resolve('${ishenim.linkage.encoding:}', '${ishenim.linkage.salt:}').threshold()}}") double threshold,
            @Value("${ishenim.hub.max-candidates:10}") int maxCandidates,
            @Value("${ishenim.hub.max-queries-per-hour:5000}") int maxQueriesPerHour) {
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("ishenim.hub.threshold is in (0, 1]");
        }
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.threshold = threshold;
        this.uniqueClients = new UniqueClients(Matcher.onAllCores(), threshold);
        this.maxCandidates = maxCandidates;
        this.quota = new QueryQuota(maxQueriesPerHour, clock);
    }

    /** Loads every stored encoding into memory, after migration and before the web server takes requests. */
    @Override
    public void afterSingletonsInstantiated() {
        load();
    }

    void load() {
        index.clear();
        db.sql("SELECT site_code, reference, clk FROM hub_encoding").query((rs, n) -> {
            index.put(rs.getString(1), rs.getString(2), Clk.fromBase64(rs.getString(3)));
            return null;
        }).list();
        log.info("Hub index loaded: {} encodings", index.size());
    }

    double threshold() {
        return threshold;
    }

    /** Adds or replaces the site's encodings. */
    @Transactional
    void put(String site, List<EncodingPayloads.Item> items) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (var item : items) {
            int updated = db.sql("UPDATE hub_encoding SET clk = :clk, updated_at = :at WHERE site_code = :site AND reference = :ref")
                    .param("clk", item.clk().toBase64()).param("at", now).param("site", site).param("ref", item.reference())
                    .update();
            if (updated == 0) {
                db.sql("INSERT INTO hub_encoding (site_code, reference, clk, updated_at) VALUES (:site, :ref, :clk, :at)")
                        .param("site", site).param("ref", item.reference()).param("clk", item.clk().toBase64())
                        .param("at", now).update();
            }
        }
        audit.record("hub.encodings.put", null, items.size() + " encodings", Outcome.SUCCESS);
        afterCommit(() -> items.forEach(i -> index.put(site, i.reference(), i.clk())));
    }

    /** Removes one of the site's own encodings; a reference of another site is simply not found. */
    @Transactional
    boolean delete(String site, String reference) {
        int rows = db.sql("DELETE FROM hub_encoding WHERE site_code = :site AND reference = :ref")
                .param("site", site).param("ref", reference).update();
        audit.record("hub.encodings.delete", null, rows + " encodings", Outcome.SUCCESS);
        afterCommit(() -> index.remove(site, reference));
        return rows > 0;
    }

    @Transactional
    void removeSite(String site) {
        db.sql("DELETE FROM hub_encoding WHERE site_code = :site").param("site", site).update();
        afterCommit(() -> index.removeSite(site));
    }

    /**
     * The encodings at or above the threshold, at most {@code max-candidates}, returned in site and reference
     * order so that even their order says nothing about their similarity. The asking record itself is left out.
     */
    @Transactional
    List<Candidate> query(String site, String ownReference, Clk clk) {
        quota.take(site);
        List<Candidate> found = Matching.query(clk, index.view(false), threshold, maxCandidates + 1).stream()
                .filter(k -> !(k.site().equals(site) && k.reference().equals(ownReference)))
                .limit(maxCandidates)
                .map(k -> new Candidate(k.site(), k.reference(), k.site().equals(site)))
                .sorted(java.util.Comparator.comparing(Candidate::site).thenComparing(Candidate::reference))
                .toList();
        audit.record("hub.query", null, found.size() + " candidates", Outcome.SUCCESS);
        return found;
    }

    /** Sites, encodings and clusters of encodings at the threshold (unique clients), cached per index version. */
    Census census() {
        Counted cached = census;
        if (cached != null && cached.version() == index.version()) {
            return cached.census();
        }
        EncodingIndex.View view;
        int unique;
        synchronized (uniqueClients) { // one count at a time, each on the view it took
            view = index.view(true);
            unique = uniqueClients.count(view);
        }
        var keys = view.base().keys();
        int sites = (int) keys.stream().map(EncodingIndex.Key::site).distinct().count();
        Census fresh = new Census(sites, keys.size(), unique, threshold);
        census = new Counted(view.version(), fresh);
        return fresh;
    }

    private record Counted(long version, Census census) {
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
