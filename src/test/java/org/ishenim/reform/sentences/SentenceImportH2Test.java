package org.ishenim.reform.sentences;

/** {@link SentenceImportTest} on the embedded H2 database. */
class SentenceImportH2Test extends SentenceImportTest {
}
