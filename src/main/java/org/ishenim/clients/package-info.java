/**
 * Clients under a pseudonym: the UIC code and an alias, identity that is optional, encrypted per client and
 * erasable by crypto-shredding, and consents recorded per purpose.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "web"})
package org.ishenim.clients;
