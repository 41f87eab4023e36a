/** Linkage schema v3 model and parser (clkhash-compatible, plus Ishenim's per-feature normalisation). */
package org.ishenim.linkage.schema;
