package org.ishenim.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.ishenim.medicines.Medicine;

/** One ledger line. {@code delta} is signed; {@code balanceAfter} is the site's balance of the medicine after it. */
record StockEntry(long id, SiteCode site, Medicine medicine, EntryKind kind, BigDecimal delta,
        BigDecimal balanceAfter, Instant occurredAt, String recordedBy, String supplier, String batch, String reason,
        String witness, String otherSite, UUID dispensingId, Long reverses, BigDecimal counted, BigDecimal variance,
        boolean needsSignoff, String signedOffBy) {

    public boolean awaitingSignoff() {
        return needsSignoff && signedOffBy == null;
    }
}
