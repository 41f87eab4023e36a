package org.ishenim.dosing;

class ImplausibleValuesH2Test extends ImplausibleValuesTest {
}
