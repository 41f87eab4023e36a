package org.ishenim.prescriptions;

/** Why a prescription version exists. REVIEW and REINDUCTION restart the missed-day count. */
public enum VersionKind {
    INITIAL, CHANGE, REVIEW, REINDUCTION
}
