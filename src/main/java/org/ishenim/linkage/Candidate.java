package org.ishenim.linkage;

/** A pair of encodings at or above the threshold: indices into the two inputs, and their Dice similarity. */
public record Candidate(int indexA, int indexB, double similarity) {
}
