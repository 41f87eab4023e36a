package org.ishenim.dosing;

import java.util.UUID;

/**
 * A dose to record: the client, the dose in mg, whether it was observed, take-home days (0 = today only),
 * methadone bottles handed over, and the site (blank: the default site).
 */
record DoseRequest(UUID clientId, String doseMg, Boolean observed, Integer takeHomeDays, Integer bottlesGiven,
        String site) {

    String fingerprint() {
        return clientId + "|" + doseMg + "|" + observed + "|" + takeHomeDays + "|" + bottlesGiven + "|" + site;
    }
}
