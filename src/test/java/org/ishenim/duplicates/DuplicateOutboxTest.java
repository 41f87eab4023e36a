package org.ishenim.duplicates;

/** The clinic's outbox on H2. */
class DuplicateOutboxTest extends DuplicateOutboxContract {
}
