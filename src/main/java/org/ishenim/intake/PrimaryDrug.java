package org.ishenim.intake;

/** TDI: the primary drug, the one that causes the client the most problems. */
enum PrimaryDrug {
    HEROIN, METHADONE_MISUSED, BUPRENORPHINE_MISUSED, OTHER_OPIOIDS, COCAINE, STIMULANTS, HYPNOTICS_SEDATIVES,
    HALLUCINOGENS, VOLATILE_INHALANTS, CANNABIS, OTHER, NOT_KNOWN, DECLINED
}
