package org.ishenim.reform.visits;

/** {@link VisitsTest} on H2. */
class VisitsH2Test extends VisitsTest {
}
