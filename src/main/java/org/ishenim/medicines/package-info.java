/**
 * The medicine catalogue of opioid agonist therapy and the {@link org.ishenim.medicines.Milligrams} value,
 * shared by prescriptions, dosing and stock. Pure Java, no Spring.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.ishenim.medicines;
