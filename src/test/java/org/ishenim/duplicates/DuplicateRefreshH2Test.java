package org.ishenim.duplicates;

/** The clinic's refresh of its encodings on the hub, on H2. */
class DuplicateRefreshH2Test extends DuplicateRefreshContract {
}
