package org.ishenim.intake;

/** TDI: how often the primary drug was used in the 30 days before treatment. */
enum Frequency {
    NOT_IN_LAST_30_DAYS, ONCE_A_WEEK_OR_LESS, TWO_TO_SIX_DAYS_A_WEEK, DAILY, NOT_KNOWN, DECLINED
}
