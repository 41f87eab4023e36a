package org.ishenim.intake;

/** TDI: the type of centre where treatment starts (outpatient, inpatient, low-threshold, GP, prison, other). */
enum TreatmentCentre {
    OUTPATIENT, INPATIENT, LOW_THRESHOLD, GENERAL_PRACTITIONER, PRISON, OTHER, NOT_KNOWN, DECLINED
}
