/**
 * Opioid agonist therapy prescriptions: a course per client with versioned daily doses, the induction,
 * titration and countersignature rules, and doctors' reviews after missed days.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "clients", "medicines", "web"})
package org.ishenim.prescriptions;
