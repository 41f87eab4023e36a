package org.ishenim.linkage.schema;

/** How tokens are turned into filter positions. */
public enum HashType {
    /** Keyed BLAKE2b, clkhash's default. */
    BLAKE,
    /** HMAC-SHA1 plus i times HMAC-MD5 (Schnell et al. 2011). */
    DOUBLE
}
