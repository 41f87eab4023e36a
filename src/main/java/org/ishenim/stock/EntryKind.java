package org.ishenim.stock;

/** Kinds of ledger entry. A COUNT moves nothing: it records the counted amount and the variance. */
enum EntryKind {
    RECEIPT, DISPENSING, WASTE, TRANSFER_OUT, TRANSFER_IN, COUNT, REVERSAL
}
