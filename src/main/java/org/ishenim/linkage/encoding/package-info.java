/** The clkhash v3 encoding algorithm: HKDF keys, keyed token hashing into Bloom filters, XOR folding. */
package org.ishenim.linkage.encoding;
