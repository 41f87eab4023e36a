package org.ishenim.hub;

import java.time.Clock;
import java.time.Duration;
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
import org.springframework.scheduling.annotation.Scheduled;
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
class HubEncodings implements org.springframework.beans.factory.SmartInitializingSingleton, ClusterCounts {

    private static final Logger log = LoggerFactory.getLogger(HubEncodings.class);

    /** A possible duplicate: a site and that site's opaque reference. {@code sameSite}: at the asking site. */
    record Candidate(String site, String reference, boolean sameSite) {
    }

    /**
     * The calling site's own references that share a cluster with another site's encoding and are not that cluster's
     * counting reference (the most recently uploaded), with the time the clusters were taken.
     */
    record CountedElsewhere(java.time.Instant asOf, List<String> references) {
    }

    record Census(int sites, int encodings, int uniqueClients, double threshold) {
    }

    private final JdbcClient db;
    private final AuditLog audit;
    private final Clock clock;
    private final EncodingVault vault;
    private final Duration retention;
    private final boolean command;
    private final EncodingIndex index = new EncodingIndex();
    private final UniqueClients uniqueClients;
    private final double threshold;
    private final int maxCandidates;
    private final QueryQuota quota;
    private volatile Counted census;

    HubEncodings(JdbcClient db, AuditLog audit, Clock clock, EncodingVault vault,
            @Value("${ishenim.hub.encoding-retention:P90D}") Duration retention,
            @Value("${ishenim.cli:false}") boolean command,
            HubEncodingConfiguration configuration,
            @Value("${ishenim.hub.max-candidates:10}") int maxCandidates,
            @Value("${ishenim.hub.max-queries-per-hour:5000}") int maxQueriesPerHour) {
        double threshold = configuration.threshold();
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("ishenim.hub.threshold is in (0, 1]");
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("ishenim.hub.encoding-retention is a positive duration");
        }
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.vault = vault;
        this.retention = retention;
        this.command = command;
        this.threshold = threshold;
        this.uniqueClients = new UniqueClients(Matcher.onAllCores(), threshold);
        this.maxCandidates = maxCandidates;
        this.quota = new QueryQuota(maxQueriesPerHour, clock);
    }

    /**
     * Loads every stored encoding into memory, after migration and before the web server takes requests. The jar's
     * commands ({@code audit verify}, {@code admin create}) answer no query and read no encoding.
     */
    @Override
    public void afterSingletonsInstantiated() {
        if (!command) {
            load();
        }
    }

    /**
     * Decrypts every stored encoding into the index; audited as one read with its count. A row that does not decrypt
     * under its own site and reference (copied from another row, or written without the key) is refused: it stays
     * out of the index, and the refusal is audited with its count.
     */
    void load() {
        index.clear();
        int[] refused = {0};
        db.sql("SELECT site_code, reference, clk FROM hub_encoding").query((rs, n) -> {
            String site = rs.getString(1);
            String reference = rs.getString(2);
            vault.open(site, reference, rs.getString(3)).ifPresentOrElse(clk -> index.put(site, reference, clk),
                    () -> refused[0]++);
            return null;
        }).list();
        audit.record("hub.encodings.load", null, index.size() + " encodings read into the index", Outcome.SUCCESS);
        if (refused[0] > 0) {
            audit.record("hub.encodings.refused", null, refused[0] + " encodings do not decrypt under their site and "
                    + "reference", Outcome.FAILED);
            log.warn("Hub index: {} stored encodings do not decrypt under their site and reference and were refused",
                    refused[0]);
        }
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
            String sealed = vault.seal(site, item.reference(), item.clk());
            int updated = db.sql("UPDATE hub_encoding SET clk = :clk, updated_at = :at WHERE site_code = :site AND reference = :ref")
                    .param("clk", sealed).param("at", now).param("site", site).param("ref", item.reference())
                    .update();
            if (updated == 0) {
                db.sql("INSERT INTO hub_encoding (site_code, reference, clk, updated_at) VALUES (:site, :ref, :clk, :at)")
                        .param("site", site).param("ref", item.reference()).param("clk", sealed)
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
        EncodingIndex.View view = index.view(false);
        List<Candidate> found = Matching.query(clk, view, threshold, maxCandidates + 1).stream()
                .filter(k -> !(k.site().equals(site) && k.reference().equals(ownReference)))
                .limit(maxCandidates)
                .map(k -> new Candidate(k.site(), k.reference(), k.site().equals(site)))
                .sorted(java.util.Comparator.comparing(Candidate::site).thenComparing(Candidate::reference))
                .toList();
        audit.record("hub.query", null, "compared " + view.size() + " encodings: " + found.size() + " candidates",
                Outcome.SUCCESS);
        return found;
    }

    /**
     * Sites, encodings and clusters of encodings at the threshold (unique clients), cached per index version. Every
     * call is audited with the counts, a cached answer too: it is derived from every encoding.
     */
    Census census() {
        Census counted = count();
        audit.record("hub.unique-clients", null, counted.encodings() + " encodings: " + counted.uniqueClients()
                + " unique clients", Outcome.SUCCESS);
        return counted;
    }

    private Census count() {
        Counted cached = census;
        if (cached != null && cached.version() == index.version()) {
            return cached.census();
        }
        synchronized (uniqueClients) { // one count at a time, each on the view it took
            return countNow().census();
        }
    }

    /**
     * Counts the clusters of the current encodings (on the view as it is, not compacted: see {@code count}) and keeps
     * the result (the census, the multi-site clusters and the time) as the last count. The caller holds the lock on
     * {@code uniqueClients}.
     */
    private Counted countNow() {
        EncodingIndex.View view = index.view(false);
        int unique = uniqueClients.count(view);
        java.util.Set<String> sites = new java.util.HashSet<>();
        view.base().keys().stream().filter(k -> !view.changed().contains(k)).forEach(k -> sites.add(k.site()));
        view.recentKeys().forEach(k -> sites.add(k.site()));
        int multiSite = (int) uniqueClients.sharedClusters().stream()
                .filter(c -> c.stream().map(EncodingIndex.Key::site).distinct().count() > 1).count();
        Counted fresh = new Counted(view.version(), new Census(sites.size(), view.size(), unique, threshold), multiSite,
                clock.instant());
        census = fresh;
        return fresh;
    }

    /**
     * The last count, as it was: never a new one (docs/indicators.md, "Error bounds"). Audited like the unique-client
     * count it is part of, with its figures.
     */
    @Override
    public java.util.Optional<ClusterCount> last() {
        Counted cached = census;
        if (cached == null) {
            return java.util.Optional.empty();
        }
        ClusterCount last = new ClusterCount(cached.at(), cached.census().encodings(), cached.census().uniqueClients(),
                cached.multiSite());
        audit.record("hub.unique-clients", null, "last count: " + last.references() + " encodings: "
                + last.clusters() + " unique clients, " + last.multiSiteClusters() + " across sites", Outcome.SUCCESS);
        return java.util.Optional.of(last);
    }

    /**
     * "Counted elsewhere" for one site (docs/indicators.md, "Counting each client once nationally"): in each cluster
     * holding encodings of two or more sites, the counting reference is the one uploaded most recently (ties broken by
     * site and reference, so that the choice is stable); the site's other references in such a cluster are returned.
     * Only the calling site's own references are ever returned, never another site's. Audited with the count.
     */
    @Transactional
    CountedElsewhere countedElsewhere(String site) {
        List<List<EncodingIndex.Key>> shared;
        synchronized (uniqueClients) {
            countNow();
            shared = uniqueClients.sharedClusters().stream()
                    .filter(c -> c.stream().anyMatch(k -> k.site().equals(site)))
                    .filter(c -> c.stream().map(EncodingIndex.Key::site).distinct().count() > 1)
                    .toList();
        }
        java.time.Instant asOf = clock.instant();
        java.util.Map<EncodingIndex.Key, OffsetDateTime> uploaded = uploadTimes(shared);
        java.util.Comparator<EncodingIndex.Key> latestFirst = java.util.Comparator
                .comparing((EncodingIndex.Key k) -> uploaded.getOrDefault(k, OffsetDateTime.MIN)).reversed()
                .thenComparing(EncodingIndex.Key::site).thenComparing(EncodingIndex.Key::reference);
        List<String> references = new java.util.ArrayList<>();
        for (List<EncodingIndex.Key> cluster : shared) {
            EncodingIndex.Key counting = cluster.stream().sorted(latestFirst).findFirst().orElseThrow();
            cluster.stream().filter(k -> k.site().equals(site) && !k.equals(counting))
                    .map(EncodingIndex.Key::reference).forEach(references::add);
        }
        references.sort(null);
        audit.record("hub.counted-elsewhere", null, site + ": " + references.size() + " references counted elsewhere",
                Outcome.SUCCESS);
        return new CountedElsewhere(asOf, List.copyOf(references));
    }

    /** The upload time of each key of the clusters, read in chunks (a key deleted meanwhile has none). */
    private java.util.Map<EncodingIndex.Key, OffsetDateTime> uploadTimes(List<List<EncodingIndex.Key>> clusters) {
        java.util.Set<EncodingIndex.Key> wanted = new java.util.HashSet<>();
        clusters.forEach(wanted::addAll);
        List<String> refs = wanted.stream().map(EncodingIndex.Key::reference).distinct().toList();
        java.util.Map<EncodingIndex.Key, OffsetDateTime> times = new java.util.HashMap<>();
        for (int from = 0; from < refs.size(); from += 500) {
            db.sql("SELECT site_code, reference, updated_at FROM hub_encoding WHERE reference IN (:refs)")
                    .param("refs", refs.subList(from, Math.min(refs.size(), from + 500)))
                    .query((rs, n) -> {
                        var key = new EncodingIndex.Key(rs.getString(1), rs.getString(2));
                        if (wanted.contains(key)) {
                            times.put(key, rs.getObject(3, OffsetDateTime.class));
                        }
                        return null;
                    }).list();
        }
        return times;
    }

    /**
     * Deletes every encoding its site has not uploaded again within {@code ishenim.hub.encoding-retention}: the
     * duplicate check needs an encoding only while its clinic still vouches for it (clinics refresh theirs well
     * within the retention). Audited with the count. Returns how many were deleted.
     */
    @Scheduled(cron = "${ishenim.hub.encoding-expiry.cron:0 17 * * * *}")
    @Transactional
    int expire() {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(clock.instant().minus(retention), ZoneOffset.UTC);
        List<EncodingIndex.Key> stale = db.sql("SELECT site_code, reference FROM hub_encoding WHERE updated_at < :cutoff")
                .param("cutoff", cutoff).query((rs, n) -> new EncodingIndex.Key(rs.getString(1), rs.getString(2))).list();
        List<EncodingIndex.Key> deleted = new java.util.ArrayList<>();
        for (EncodingIndex.Key key : stale) {
            // refreshed meanwhile: it stays
            if (db.sql("DELETE FROM hub_encoding WHERE site_code = :site AND reference = :ref AND updated_at < :cutoff")
                    .param("site", key.site()).param("ref", key.reference()).param("cutoff", cutoff).update() == 1) {
                deleted.add(key);
            }
        }
        if (!deleted.isEmpty()) {
            audit.record("hub.encodings.expire", null, deleted.size() + " encodings not refreshed within " + retention,
                    Outcome.SUCCESS);
            afterCommit(() -> deleted.forEach(k -> index.remove(k.site(), k.reference())));
        }
        return deleted.size();
    }

    /** A count: the index version it was taken on, its census, its multi-site clusters and its time. */
    private record Counted(long version, Census census, int multiSite, java.time.Instant at) {
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
