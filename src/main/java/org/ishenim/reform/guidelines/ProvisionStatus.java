package org.ishenim.reform.guidelines;

/**
 * Where the change to a provision stands. For a provision that contradicts a recommendation this tracks its
 * amendment or repeal; for one that meets a recommendation, its adoption.
 */
public enum ProvisionStatus {
    NOT_STARTED, DRAFTED, SUBMITTED, ADOPTED, IMPLEMENTED;

    public boolean inForce() {
        return this == ADOPTED || this == IMPLEMENTED;
    }
}
