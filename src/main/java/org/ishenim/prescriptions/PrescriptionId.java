package org.ishenim.prescriptions;

import java.util.UUID;

public record PrescriptionId(@com.fasterxml.jackson.annotation.JsonValue UUID value) {
    public PrescriptionId {
        if (value == null) {
            throw new IllegalArgumentException("A prescription id is required.");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
