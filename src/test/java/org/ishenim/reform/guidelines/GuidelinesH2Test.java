package org.ishenim.reform.guidelines;

/** {@link GuidelinesTest} on H2. */
class GuidelinesH2Test extends GuidelinesTest {
}
