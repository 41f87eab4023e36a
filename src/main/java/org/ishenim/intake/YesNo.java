package org.ishenim.intake;

/** A yes/no item (ever injected, ever on opioid substitution treatment), with "not known" and "declined". */
enum YesNo {
    YES, NO, NOT_KNOWN, DECLINED
}
