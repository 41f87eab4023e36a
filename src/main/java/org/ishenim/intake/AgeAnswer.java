package org.ishenim.intake;

/** The answer to "age at first use of the primary drug": an age in years, "not known" or "declined". */
enum AgeAnswer {
    GIVEN, NOT_KNOWN, DECLINED
}
