package org.ishenim.prescriptions;

import java.math.BigDecimal;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;
import org.ishenim.medicines.Substance;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The clinical rules of OAT, every one configurable under {@code ishenim.oat.*}. Defaults follow
 * MISSION.md (WHO 2009 Annex 12 for induction, the Australian national guideline 3.5 for missed days).
 */
@ConfigurationProperties("ishenim.oat")
public record OatRules(
        @DefaultValue("30") BigDecimal inductionMaxMg,
        @DefaultValue("20") BigDecimal inductionWarnMg,
        @DefaultValue("10") BigDecimal methadoneStepMg,
        @DefaultValue("8") BigDecimal buprenorphineStepMg,
        @DefaultValue("3") int titrationIntervalDays,
        @DefaultValue("120") BigDecimal methadoneCountersignAboveMg,
        @DefaultValue("24") BigDecimal buprenorphineCountersignAboveMg,
        @DefaultValue("3") int missedHalfDoseDays,
        @DefaultValue("4") int missedReviewDays,
        @DefaultValue("5") int missedReinductionDays,
        @DefaultValue("40") BigDecimal reviewRestartMaxMg,
        @DefaultValue("14") int maxTakeHomeDays,
        @DefaultValue("400") BigDecimal methadoneMaxDailyMg,
        @DefaultValue("32") BigDecimal buprenorphineMaxDailyMg) {

    public static OatRules defaults() {
        return new OatRules(new BigDecimal("30"), new BigDecimal("20"), new BigDecimal("10"), new BigDecimal("8"), 3,
                new BigDecimal("120"), new BigDecimal("24"), 3, 4, 5, new BigDecimal("40"), 14,
                new BigDecimal("400"), new BigDecimal("32"));
    }

    public Milligrams step(Medicine m) {
        return new Milligrams(m.substance() == Substance.METHADONE ? methadoneStepMg : buprenorphineStepMg);
    }

    /**
     * The largest daily dose on any path (first dose, change, review, continued course): buprenorphine's licensed
     * maximum of 32 mg, and 400 mg of methadone, above what any guideline describes; a higher figure is a typing
     * error. Countersignature still applies above {@link #countersignAbove}.
     */
    public Milligrams maxDaily(Medicine m) {
        return new Milligrams(m.substance() == Substance.METHADONE ? methadoneMaxDailyMg : buprenorphineMaxDailyMg);
    }

    public Milligrams countersignAbove(Medicine m) {
        return new Milligrams(m.substance() == Substance.METHADONE ? methadoneCountersignAboveMg
                : buprenorphineCountersignAboveMg);
    }
}
