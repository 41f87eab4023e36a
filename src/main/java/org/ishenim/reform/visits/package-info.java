/** Commission visits, their meetings and the commitments made, with overdue ones flagged. */
package org.ishenim.reform.visits;
