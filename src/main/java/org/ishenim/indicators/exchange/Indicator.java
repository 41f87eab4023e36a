package org.ishenim.indicators.exchange;

/**
 * The WHO SMART HIV indicators that Ishenim exports, with their codes and canonical measure URLs (docs/indicators.md,
 * "Sources, codes and corrections"). What the numerator and denominator count is fixed here, so that every format
 * says the same thing.
 */
public enum Indicator {

    /** OAMT coverage at a census date: clients on OAMT / opioid-dependent clients in contact with the service. */
    IND_11("HIV.IND.11", "HIVIND11", "OAMT coverage"),
    /** Person-years on OAMT in a period: the numerator counts person-days; there is no denominator here. */
    IND_12("HIV.IND.12", "HIVIND12", "Total person-years on OAMT"),
    /** Retention: clients of the recruitment cohort retained at 6 months / the cohort's clients observable then. */
    IND_13("HIV.IND.13", "HIVIND13", "OAMT minimum duration"),
    /** Adequate dose at a census date: clients at or above the minimum dose / clients on a maintenance dose. */
    IND_14("HIV.IND.14", "HIVIND14", "OAMT minimum dose");

    private static final String MEASURE_BASE = "http://smart.who.int/hiv/Measure/";

    private final String code;
    private final String measureId;
    private final String title;

    Indicator(String code, String measureId, String title) {
        this.code = code;
        this.measureId = measureId;
        this.title = title;
    }

    /** WHO's code, e.g. {@code HIV.IND.11}. */
    public String code() {
        return code;
    }

    /** The WHO SMART HIV measure's canonical URL, e.g. {@code http://smart.who.int/hiv/Measure/HIVIND11}. */
    public String canonicalUrl() {
        return MEASURE_BASE + measureId;
    }

    /** WHO's short name, in English (an identifier in the files, not text shown to users). */
    public String title() {
        return title;
    }
}
