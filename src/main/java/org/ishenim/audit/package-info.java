/**
 * The tamper-evident audit log: every read and write of client data, and every denied access, appended to
 * a hash chain in the same transaction as the change it records.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"web"})
package org.ishenim.audit;
