/**
 * Staff accounts and their roles: password hashing, lockout after failed logins, cached credential checks
 * for the API, the {@code admin create} command and user management.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "web"})
package org.ishenim.staff;
