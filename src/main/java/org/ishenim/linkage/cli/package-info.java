/** The {@code linkage} command line: encode, match, evaluate. */
package org.ishenim.linkage.cli;
