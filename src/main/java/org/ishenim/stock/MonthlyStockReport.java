package org.ishenim.stock;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.ishenim.medicines.Medicine;

/**
 * The monthly stock report of one site. For each medicine:
 * {@code opening + received - dispensed - wasted + transferredIn - transferredOut = closing}. Reversals
 * count in the column of what they reverse. {@code counted} and {@code variance} are the month's last count.
 */
public record MonthlyStockReport(SiteCode site, YearMonth month, List<Line> lines) {

    public record Line(Medicine medicine, BigDecimal opening, BigDecimal received, BigDecimal dispensed,
            BigDecimal wasted, BigDecimal transferredIn, BigDecimal transferredOut, BigDecimal closing,
            BigDecimal counted, BigDecimal variance) {

        /** Opening plus the month's movements. */
        public BigDecimal expectedClosing() {
            return opening.add(received).subtract(dispensed).subtract(wasted).add(transferredIn).subtract(transferredOut);
        }

        public boolean balances() {
            return expectedClosing().compareTo(closing) == 0;
        }
    }

    public boolean balances() {
        return lines.stream().allMatch(Line::balances);
    }
}
