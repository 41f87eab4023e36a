package org.ishenim.bench.cryptanalysis;

import java.util.List;

import org.ishenim.linkage.Clk;

/**
 * One encoding option under test. The clinic side ({@link #encode}) holds the secret; the attacker only ever gets
 * {@link #publicSchema()} and the encodings. A new defence (bit flipping, diffusion, ...) is a new implementation.
 */
interface Encoding {

    /** A short name for the report, e.g. {@code salt=none}. */
    String name();

    /** Encodes the people as the clinics would, with a secret the attacker never sees. */
    List<Clk> encode(List<Person> people, byte[] secret);

    /** What ships in the jar and is known to the hub: the schema's JSON, as the clinics use it. */
    String publicSchema();
}
