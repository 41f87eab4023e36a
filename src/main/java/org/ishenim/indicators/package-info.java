/**
 * National indicators of opioid agonist therapy, computed at the clinic from its own records: WHO SMART HIV.IND.11
 * (coverage at a census date), IND.12 (person-years), IND.13 (retention) and IND.14 (adequate dose), and the
 * disclosure control that every table leaving the hub goes through (small cells and complementary suppression).
 * This slice is pure computation on records; the design, the sources and what is not built yet are in
 * {@code docs/indicators.md}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "clients", "dosing", "duplicates", "hub", "intake", "medicines", "prescriptions", "web" })
package org.ishenim.indicators;
