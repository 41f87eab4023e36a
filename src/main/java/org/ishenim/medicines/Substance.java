package org.ishenim.medicines;

/** The opioid agonist a medicine delivers; rules (induction, titration, countersignature) are per substance. */
public enum Substance {
    METHADONE, BUPRENORPHINE
}
