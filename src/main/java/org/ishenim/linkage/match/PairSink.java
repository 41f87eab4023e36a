package org.ishenim.linkage.match;

import java.util.Arrays;

/** A growable list of (a, b, similarity) triples in primitive arrays. Not thread-safe. */
public final class PairSink {

    private int[] a = new int[64];
    private int[] b = new int[64];
    private double[] similarity = new double[64];
    private int size;

    public void add(int indexA, int indexB, double sim) {
        if (size == a.length) {
            int capacity = size * 2;
            a = Arrays.copyOf(a, capacity);
            b = Arrays.copyOf(b, capacity);
            similarity = Arrays.copyOf(similarity, capacity);
        }
        a[size] = indexA;
        b[size] = indexB;
        similarity[size] = sim;
        size++;
    }

    public void addAll(PairSink other) {
        for (int i = 0; i < other.size; i++) {
            add(other.a[i], other.b[i], other.similarity[i]);
        }
    }

    public int size() {
        return size;
    }

    public int a(int i) {
        return a[i];
    }

    public int b(int i) {
        return b[i];
    }

    public double similarity(int i) {
        return similarity[i];
    }
}
