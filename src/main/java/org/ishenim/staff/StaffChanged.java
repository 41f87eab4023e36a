package org.ishenim.staff;

/** A staff account changed (locked, unlocked, disabled, new password): cached credentials must go. */
record StaffChanged(String username) {
}
