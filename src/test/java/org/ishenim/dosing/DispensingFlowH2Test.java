package org.ishenim.dosing;

class DispensingFlowH2Test extends DispensingFlowTest {
}
