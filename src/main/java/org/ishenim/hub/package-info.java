/**
 * The national hub's duplicate check: a registry of sites with bearer tokens, the encodings (CLKs) sites upload
 * for consenting clients, Dice queries that answer "possible duplicate at site X (reference ...)" and a count of
 * unique clients across sites. The hub never sees a name or the clinics' secret.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "linkage", "web"})
package org.ishenim.hub;
