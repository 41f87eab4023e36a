package org.ishenim.indicators;

import java.util.UUID;

/**
 * A month's report was frozen and the hub is owed it. Published in the transaction of the freeze and kept by Spring
 * Modulith's Event Publication Registry (table {@code event_publication}) until {@link MonthlyReportSender} has had
 * the hub's confirmation. It names the frozen report (a random id of the clinic's table), its month and version;
 * nothing about any client.
 */
record MonthlyReportFrozen(UUID report, String month, int version) {
}
