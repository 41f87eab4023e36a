package org.ishenim.linkage.encoding;

/** Sets the filter positions of one token. Implementations are not thread-safe. */
interface TokenHasher {

    void insert(byte[] token, int k, BitVector filter);
}
