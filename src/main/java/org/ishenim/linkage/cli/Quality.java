package org.ishenim.linkage.cli;

import java.util.List;
import java.util.Locale;

import org.ishenim.linkage.Candidate;

/** Pairwise precision, recall and F1 of candidate pairs at one threshold. */
public record Quality(double threshold, long truePositives, long falsePositives, long trueMatches) {

    static Quality at(double threshold, List<Candidate> candidates, List<String> idsA, List<String> idsB,
            long trueMatches) {
        long tp = 0;
        long fp = 0;
        for (Candidate c : candidates) {
            if (c.similarity() >= threshold) {
                if (idsA.get(c.indexA()).equals(idsB.get(c.indexB()))) {
                    tp++;
                } else {
                    fp++;
                }
            }
        }
        return new Quality(threshold, tp, fp, trueMatches);
    }

    public double precision() {
        return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
    }

    public double recall() {
        return trueMatches == 0 ? 1.0 : (double) truePositives / trueMatches;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public static String header() {
        return "threshold,precision,recall,f1,true_positives,false_positives,true_matches";
    }

    public String row() {
        return String.format(Locale.ROOT, "%.2f,%.3f,%.3f,%.3f,%d,%d,%d", threshold, precision(), recall(), f1(),
                truePositives, falsePositives, trueMatches);
    }
}
