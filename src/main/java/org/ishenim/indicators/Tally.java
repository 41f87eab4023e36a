package org.ishenim.indicators;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** Counts of clients per stratum, in a fixed order. */
final class Tally {

    private final SortedMap<Stratum, Integer> counts = new TreeMap<>();

    void add(Stratum stratum) {
        counts.merge(stratum, 1, Integer::sum);
    }

    int count(Stratum stratum) {
        return counts.getOrDefault(stratum, 0);
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    SortedMap<Stratum, Integer> counts() {
        return Collections.unmodifiableSortedMap(counts);
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
