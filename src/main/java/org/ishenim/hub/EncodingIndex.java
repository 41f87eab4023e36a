package org.ishenim.hub;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ishenim.linkage.Clk;
import org.ishenim.linkage.ClkSet;

/**
 * Every site's encodings in memory, so that a query is a scan of arrays and not a database read. Writes replace
 * entries; the read-only snapshot used by queries is rebuilt on the first query after a write. Thread-safe.
 */
final class EncodingIndex {

    record Key(String site, String reference) {
    }

    /** An immutable view: parallel arrays of keys and encodings. */
    record Snapshot(long version, List<Key> keys, ClkSet clks) {
        int size() {
            return keys.size();
        }
    }

    private final Map<Key, Clk> entries = new HashMap<>();
    private long version;
    private Snapshot snapshot = new Snapshot(0, List.of(), ClkSet.of(List.of()));

    synchronized void put(String site, String reference, Clk clk) {
        entries.put(new Key(site, reference), clk);
        version++;
    }

    synchronized boolean remove(String site, String reference) {
        boolean removed = entries.remove(new Key(site, reference)) != null;
        if (removed) {
            version++;
        }
        return removed;
    }

    synchronized void removeSite(String site) {
        if (entries.keySet().removeIf(k -> k.site().equals(site))) {
            version++;
        }
    }

    synchronized void clear() {
        entries.clear();
        version++;
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized Snapshot snapshot() {
        if (snapshot.version() != version) {
            List<Key> keys = new ArrayList<>(entries.keySet());
            keys.sort(Comparator.comparing(Key::site).thenComparing(Key::reference));
            List<Clk> clks = new ArrayList<>(keys.size());
            keys.forEach(k -> clks.add(entries.get(k)));
            snapshot = new Snapshot(version, List.copyOf(keys), ClkSet.of(clks));
        }
        return snapshot;
    }
}
