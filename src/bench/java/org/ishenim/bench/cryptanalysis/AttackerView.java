package org.ishenim.bench.cryptanalysis;

import java.util.List;

import org.ishenim.linkage.Clk;

/**
 * Everything an attack may use besides its frequency table: the encodings as the hub holds them (in upload order,
 * no identities) and the public schema that ships in the jar. No secret, no plaintext.
 */
record AttackerView(List<Clk> encodings, PublicSchema schema) {

    /** The encodings as 64-bit words (clkhash bit order), one array per record. */
    long[][] words() {
        long[][] words = new long[encodings.size()][];
        for (int i = 0; i < words.length; i++) {
            words[i] = encodings.get(i).words();
        }
        return words;
    }
}
