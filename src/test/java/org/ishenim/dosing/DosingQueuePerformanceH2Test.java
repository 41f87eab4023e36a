package org.ishenim.dosing;

class DosingQueuePerformanceH2Test extends DosingQueuePerformanceTest {
}
