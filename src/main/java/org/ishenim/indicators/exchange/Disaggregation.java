package org.ishenim.indicators.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * A cell's disaggregation: sex × age band as WHO and UNAIDS ask, or the total ({@link #TOTAL}, both absent).
 */
public record Disaggregation(Sex sex, AgeBand age) {

    /** The whole population of the table: no sex, no age band. */
    public static final Disaggregation TOTAL = new Disaggregation(null, null);

    /** Sex: female, male, and other (another or not recorded). */
    public enum Sex {
        F, M, OTHER
    }

    /** Age in whole years at the reference date: under 25, and 25 or over. */
    public enum AgeBand {
        UNDER_25, FROM_25
    }

    public Disaggregation {
        if ((sex == null) != (age == null)) {
            throw new IllegalArgumentException("A disaggregation is sex and age band together, or the total.");
        }
    }

    public static Disaggregation of(Sex sex, AgeBand age) {
        return new Disaggregation(java.util.Objects.requireNonNull(sex, "sex"),
                java.util.Objects.requireNonNull(age, "age"));
    }

    public boolean isTotal() {
        return sex == null;
    }

    /** The six sex × age cells, females first, under 25 first. */
    public static List<Disaggregation> cells() {
        List<Disaggregation> cells = new ArrayList<>();
        for (Sex sex : Sex.values()) {
            for (AgeBand age : AgeBand.values()) {
                cells.add(of(sex, age));
            }
        }
        return List.copyOf(cells);
    }

    /** A label for messages and logs: {@code total} or e.g. {@code F <25}. Never a value. */
    public String label() {
        return isTotal() ? "total" : sex + " " + (age == AgeBand.UNDER_25 ? "<25" : "25+");
    }
}
