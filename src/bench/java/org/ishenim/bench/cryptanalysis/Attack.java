package org.ishenim.bench.cryptanalysis;

/** A re-identification attack: it sees only the attacker's view and a frequency table. */
interface Attack {

    String name();

    /** A given name and a family name (as written in the table) guessed for every encoding, in order. */
    Guesses run(AttackerView view, FrequencyTable table);

    record Guesses(String[] given, String[] family) {
    }
}
