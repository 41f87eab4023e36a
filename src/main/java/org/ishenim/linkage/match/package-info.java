/** The Dice matcher: flat word arrays, popcount-bound pruning, parallel scans, LSH blocking, greedy solving. */
package org.ishenim.linkage.match;
