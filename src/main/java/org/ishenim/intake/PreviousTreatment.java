package org.ishenim.intake;

/** TDI: ever treated before for drug use (the split of first-ever treatment and treatment again). */
enum PreviousTreatment {
    NEVER, PREVIOUSLY, NOT_KNOWN, DECLINED
}
