/** The Guidelines' recommendations, legal provisions mapped to them, status history and compliance. */
package org.ishenim.reform.guidelines;
