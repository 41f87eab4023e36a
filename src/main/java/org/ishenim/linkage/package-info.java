/**
 * Privacy-preserving record linkage: clkhash-compatible encodings (CLKs) of identifying fields, with regional
 * name normalisation, and a fast Dice matcher. The engine is plain Java and imports no Spring.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.ishenim.linkage;
