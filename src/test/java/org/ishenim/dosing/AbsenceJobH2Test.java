package org.ishenim.dosing;

class AbsenceJobH2Test extends AbsenceJobTest {
}
