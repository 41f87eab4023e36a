/**
 * The controlled-medicine stock ledger: per site and medicine, in mg, append-only, never negative.
 * Receipts, dispensing (written by dosing in the dose's transaction), waste with a witness, transfers,
 * counts with variance and a manager's sign-off, reversals, and the monthly stock report.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "medicines", "staff", "web"})
package org.ishenim.stock;
