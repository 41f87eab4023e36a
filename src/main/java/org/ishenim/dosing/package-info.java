/**
 * Daily observed dosing: the queue, one dose per client per dose day, missed-dose rules, take-home doses
 * and returned bottles, the absence job, and the dosing reports. Stock is decremented through
 * {@link org.ishenim.stock.StockLedger} in the dose's transaction.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "clients", "medicines", "prescriptions", "stock", "web"})
package org.ishenim.dosing;
