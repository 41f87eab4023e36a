package org.ishenim.medicines;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The catalogue: each product with its substance, form and strength. Stock is kept in mg of the substance
 * per product; a dose must be a whole number of dose units (0.5 mg of solution, whole tablets).
 */
public enum Medicine {
    METHADONE_ORAL_10MG_ML("Methadone oral solution 10 mg/ml", Substance.METHADONE, Form.ORAL_SOLUTION, "10", "0.5"),
    BUPRENORPHINE_SL_2MG("Buprenorphine sublingual tablet 2 mg", Substance.BUPRENORPHINE, Form.SUBLINGUAL_TABLET, "2", "2"),
    BUPRENORPHINE_SL_8MG("Buprenorphine sublingual tablet 8 mg", Substance.BUPRENORPHINE, Form.SUBLINGUAL_TABLET, "8", "8"),
    BUPRENORPHINE_NALOXONE_SL_8MG_2MG("Buprenorphine/naloxone sublingual tablet 8 mg/2 mg", Substance.BUPRENORPHINE,
            Form.SUBLINGUAL_TABLET, "8", "8"),
    BUPRENORPHINE_NALOXONE_SL_2MG_05MG("Buprenorphine/naloxone sublingual tablet 2 mg/0.5 mg", Substance.BUPRENORPHINE,
            Form.SUBLINGUAL_TABLET, "2", "2");

    public enum Form {
        ORAL_SOLUTION, SUBLINGUAL_TABLET
    }

    private final String label;
    private final Substance substance;
    private final Form form;
    private final BigDecimal strength;
    private final BigDecimal doseUnit;

    Medicine(String label, Substance substance, Form form, String strength, String doseUnit) {
        this.label = label;
        this.substance = substance;
        this.form = form;
        this.strength = new BigDecimal(strength);
        this.doseUnit = new BigDecimal(doseUnit);
    }

    public String label() {
        return label;
    }

    public Substance substance() {
        return substance;
    }

    public Form form() {
        return form;
    }

    /** mg per ml for a solution, mg of the agonist per tablet for a tablet. */
    public BigDecimal strength() {
        return strength;
    }

    /** The smallest step a dose of this product can be measured in. */
    public Milligrams doseUnit() {
        return new Milligrams(doseUnit);
    }

    public boolean isMeasurable(Milligrams dose) {
        return dose.value().signum() > 0 && dose.value().remainder(doseUnit).signum() == 0;
    }

    /** The largest measurable amount not above {@code dose} (at least one unit). */
    public Milligrams roundDown(Milligrams dose) {
        BigDecimal units = dose.value().divide(doseUnit, 0, RoundingMode.FLOOR).max(BigDecimal.ONE);
        return new Milligrams(units.multiply(doseUnit));
    }

    /** Millilitres of solution, or the number of tablets, for a dose. */
    public BigDecimal quantity(Milligrams dose) {
        return dose.value().divide(strength, 3, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    public String quantityUnit() {
        return form == Form.ORAL_SOLUTION ? "ml" : "tab";
    }
}
