package org.ishenim.indicators;

/** Sex as WHO and UNAIDS disaggregate it. "Not recorded" is counted as {@link #OTHER}, so the cells add up. */
enum Sex {
    F, M, OTHER
}
