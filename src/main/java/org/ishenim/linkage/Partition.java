package org.ishenim.linkage;

/**
 * Clusters of one set: the cluster of each encoding in input order, named by the smallest index in it (one partition
 * has one labelling, so two can be compared with {@code Arrays.equals}), the number of clusters, and the Dice
 * comparisons it took.
 */
public record Partition(int[] labels, int clusters, long comparisons) {
}
