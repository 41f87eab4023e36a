package org.ishenim.hub;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ishenim.linkage.Clk;
import org.ishenim.linkage.ClkSet;

/**
 * Every site's encodings in memory, so that a query is a scan of arrays and not a database read. A large immutable
 * base set (laid out by the linkage engine for pruned Dice scans) plus the keys changed since it was built: a query
 * scans the base, drops changed keys from it, and scans the few changed encodings directly. The base is rebuilt
 * once more than {@link #MAX_CHANGED} keys have changed, so a write costs O(1) and a rebuild is amortised. Thread-safe.
 */
final class EncodingIndex {

    static final int MAX_CHANGED = 2_048;

    record Key(String site, String reference) {
    }

    /** An immutable base: keys and their encodings in the order of the set. */
    record Base(List<Key> keys, List<Clk> clks, ClkSet set) {
        static final Base EMPTY = new Base(List.of(), List.of(), ClkSet.of(List.of()));
    }

    /**
     * What a query sees: the base, the keys changed since, and the current encodings of those still present;
     * {@code size} is how many encodings that is (what a query compares).
     */
    record View(long version, Base base, Set<Key> changed, List<Key> recentKeys, List<Clk> recentClks, int size) {
    }

    private final Map<Key, Clk> entries = new HashMap<>();
    private final Set<Key> changed = new HashSet<>();
    private Base base = Base.EMPTY;
    private long version;

    synchronized void put(String site, String reference, Clk clk) {
        Key key = new Key(site, reference);
        entries.put(key, clk);
        changed.add(key);
        version++;
    }

    synchronized boolean remove(String site, String reference) {
        Key key = new Key(site, reference);
        boolean removed = entries.remove(key) != null;
        if (removed) {
            changed.add(key);
            version++;
        }
        return removed;
    }

    synchronized void removeSite(String site) {
        List<Key> gone = entries.keySet().stream().filter(k -> k.site().equals(site)).toList();
        gone.forEach(entries::remove);
        changed.addAll(gone);
        version++;
    }

    synchronized void clear() {
        entries.clear();
        changed.clear();
        base = Base.EMPTY;
        version++;
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized long version() {
        return version;
    }

    /** The view for a query; rebuilds the base first when many keys changed (or always, with {@code compact}). */
    synchronized View view(boolean compact) {
        if (changed.size() > MAX_CHANGED || (compact && !changed.isEmpty())) {
            List<Key> keys = new ArrayList<>(entries.keySet());
            List<Clk> clks = new ArrayList<>(keys.size());
            keys.forEach(k -> clks.add(entries.get(k)));
            base = new Base(List.copyOf(keys), List.copyOf(clks), ClkSet.of(clks));
            changed.clear();
        }
        List<Key> recentKeys = new ArrayList<>();
        List<Clk> recentClks = new ArrayList<>();
        for (Key k : changed) {
            Clk clk = entries.get(k);
            if (clk != null) {
                recentKeys.add(k);
                recentClks.add(clk);
            }
        }
        return new View(version, base, Set.copyOf(changed), List.copyOf(recentKeys), List.copyOf(recentClks),
                entries.size());
    }
}
