/**
 * Reform monitoring on the hub: compulsory-treatment sentences (de-identified), registry figures, legal provisions
 * against the regional Drug Policy Guidelines, commission visits and commitments, and a country dashboard with
 * PDF and CSV exports. It holds no client data at all.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "web"})
package org.ishenim.reform;
