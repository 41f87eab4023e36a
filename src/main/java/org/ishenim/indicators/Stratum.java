package org.ishenim.indicators;

import java.util.Comparator;
import java.util.Objects;
import org.ishenim.medicines.Substance;

/**
 * One cell of a disaggregation: sex, age band, substance ({@code null} where the count is not by medicine, as the
 * service denominator) and region.
 */
record Stratum(Sex sex, AgeBand age, Substance substance, String region) implements Comparable<Stratum> {

    private static final Comparator<Stratum> ORDER = Comparator.comparing(Stratum::sex)
            .thenComparing(Stratum::age)
            .thenComparing(Stratum::substance, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Stratum::region);

    Stratum {
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(region, "region");
    }

    @Override
    public int compareTo(Stratum other) {
        return ORDER.compare(this, other);
    }
}
