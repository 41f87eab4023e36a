package org.ishenim.prescriptions;

public enum PrescriptionStatus {
    ACTIVE, ENDED
}
