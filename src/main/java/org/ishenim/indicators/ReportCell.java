package org.ishenim.indicators;

import java.util.Comparator;
import java.util.Objects;
import org.ishenim.medicines.Substance;

/**
 * One cell of a monthly report: a measure, a sex, an age band and (where the measure is by medicine) a medicine, and
 * its count. Nothing else: no client, no reference, no date.
 */
record ReportCell(ReportMeasure measure, Sex sex, AgeBand age, Substance medicine, long count) {

    static final Comparator<ReportCell> ORDER = Comparator.comparing(ReportCell::measure)
            .thenComparing(ReportCell::sex).thenComparing(ReportCell::age)
            .thenComparing(ReportCell::medicine, Comparator.nullsFirst(Comparator.naturalOrder()));

    ReportCell {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(age, "age");
        if (measure.byMedicine() != (medicine != null)) {
            throw new IllegalArgumentException("A cell has a medicine exactly when its measure is by medicine.");
        }
        if (count < 0) {
            throw new IllegalArgumentException("A cell's count cannot be negative.");
        }
    }

    /** The same cell's stratum, without the count: two cells of one report never share it. */
    String key() {
        return measure + "/" + sex + "/" + age + "/" + (medicine == null ? "" : medicine.name());
    }
}
