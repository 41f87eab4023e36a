package org.ishenim.intake;

/** TDI: the usual route of administration of the primary drug. */
enum Route {
    INJECT, SMOKE_OR_INHALE, EAT_OR_DRINK, SNIFF, OTHER, NOT_KNOWN, DECLINED
}
