package org.ishenim.indicators;

/**
 * A national count with the range its de-duplication leaves, as {@code docs/indicators.md} ("Error bounds") defines
 * it. The hub computes it from what it already holds (the number of consenting references and of their clusters)
 * and from the sites' aggregates; nothing in it is about any one client.
 *
 * @param low   the low end: non-consenting clients assumed to overlap at up to twice the consenting clients' upper
 *              95 % rate, less the pairs the linkage misses
 * @param point the estimate: non-consenting clients overlapping at the consenting clients' rate
 * @param high  the high end: every left-out client in the numerator elsewhere, no overlap among non-consenting
 *              clients, plus the clusters that wrongly join two people
 */
record NationalRange(long low, long point, long high, double overlapRate, double overlapRateUpper) {

    /** Share of true pairs the clinic schema misses at the default threshold (recall 0.984, docs/linkage.md). */
    static final double MISSED_PAIRS = 0.016;
    /** Share of linked pairs that join two people at the default threshold (precision 0.990, docs/linkage.md). */
    static final double FALSE_PAIRS = 0.010;

    private static final double Z95 = 1.96;

    /**
     * @param deduplicated  U: the de-duplicated count over clients with both consents
     * @param countedElsewhereBound B: the sites' bound figures added up ("fewer than min-cell" as min-cell − 1)
     * @param withoutCheck  N: clients counted without the duplicate-check consent
     * @param references    consenting references held by the hub
     * @param clusters      their clusters (the unique-client count)
     * @param multiSite     K: clusters holding two or more references
     */
    static NationalRange of(long deduplicated, long countedElsewhereBound, long withoutCheck, long references,
            long clusters, long multiSite) {
        if (deduplicated < 0 || countedElsewhereBound < 0 || withoutCheck < 0 || multiSite < 0 || clusters < 0
                || clusters > references || multiSite > clusters) {
            throw new IllegalArgumentException("Counts cannot be negative, and clusters are at most the references.");
        }
        double rate = references == 0 ? 0 : (double) (references - clusters) / references;
        double upper = references == 0 ? 1 : wilsonUpper(rate, references);
        double low = deduplicated + withoutCheck * (1 - Math.min(1, 2 * upper)) - MISSED_PAIRS * multiSite;
        double point = deduplicated + withoutCheck * (1 - rate);
        double high = deduplicated + countedElsewhereBound + withoutCheck + FALSE_PAIRS * multiSite;
        return new NationalRange((long) Math.max(0, Math.floor(low)), Math.round(point), (long) Math.ceil(high), rate,
                upper);
    }

    /** The upper end of the Wilson score interval at 95 % for a share {@code p} of {@code n}. */
    static double wilsonUpper(double p, long n) {
        double z2 = Z95 * Z95;
        double centre = p + z2 / (2.0 * n);
        double spread = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return (centre + spread) / (1 + z2 / n);
    }
}
