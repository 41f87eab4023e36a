/** Regional normalisation applied before encoding: names to one Latin skeleton, and birth date parts. */
package org.ishenim.linkage.normalise;
