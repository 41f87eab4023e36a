package org.ishenim.staff;

class StaffLoginH2Test extends StaffLoginContract {
}
