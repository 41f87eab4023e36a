package org.ishenim.stock;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.ConflictException;
import org.ishenim.web.CurrentStaff;
import org.ishenim.web.FreeText;
import org.ishenim.web.NotFoundException;
import org.ishenim.web.RuleViolationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ishenim.web.Utc;

/**
 * The append-only stock ledger. Every movement locks its site-and-medicine balance row
 * ({@code SELECT ... FOR UPDATE}), checks that the balance stays at or above zero, appends the entry and
 * updates the balance, all in the caller's transaction.
 */
@Service
@ClinicOnly
public class StockLedger {

    private final JdbcClient db;
    private final Sites sites;
    private final StaffAccounts staff;
    private final AuditLog audit;
    private final Clock clock;
    private final Milligrams tolerance;
    private final Milligrams maxMovement;

    StockLedger(JdbcClient db, Sites sites, StaffAccounts staff, AuditLog audit, Clock clock,
            @Value("${ishenim.stock.count-tolerance-mg:5}") BigDecimal tolerance,
            @Value("${ishenim.stock.max-movement-mg:1000000}") BigDecimal maxMovement) {
        this.maxMovement = new Milligrams(maxMovement);
        this.db = db;
        this.sites = sites;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
        this.tolerance = new Milligrams(tolerance);
    }

    @Transactional
    public StockEntry receive(SiteCode site, Medicine medicine, Milligrams amount, String supplier, String batch) {
        positive(amount);
        plausible("amountMg", amount);
        required("supplier", supplier);
        required("batch", batch);
        long id = move(site, medicine, EntryKind.RECEIPT, amount.value(), new Extra().supplier(supplier).batch(batch));
        audit.record("stock.receipt", null, site + " " + medicine, Outcome.SUCCESS);
        return entry(id);
    }

    /**
     * The dose's ledger line, in the dosing transaction; returns the entry's id. The caller audits the dose.
     * Nothing is read back: the balance row stays locked until commit, so this path is kept short.
     */
    @Transactional
    public long dispense(SiteCode site, Medicine medicine, Milligrams amount, UUID dispensingId) {
        positive(amount);
        return move(site, medicine, EntryKind.DISPENSING, amount.value().negate(), new Extra().dispensing(dispensingId));
    }

    @Transactional
    public StockEntry waste(SiteCode site, Medicine medicine, Milligrams amount, String reason, String witness) {
        positive(amount);
        plausible("amountMg", amount);
        required("reason", reason);
        required("witness", witness);
        String by = CurrentStaff.username();
        if (witness.strip().equalsIgnoreCase(by)) {
            throw new RuleViolationException("witness-must-differ", "The witness must be another staff member.");
        }
        if (!staff.exists(witness.strip())) {
            throw new RuleViolationException("unknown-witness", "The witness is not a staff member.");
        }
        long id = move(site, medicine, EntryKind.WASTE, amount.value().negate(),
                new Extra().reason(reason).witness(witness.strip()));
        audit.record("stock.waste", null, site + " " + medicine, Outcome.SUCCESS);
        return entry(id);
    }

    /** Two entries in one transaction; balance rows are locked in a fixed order so transfers cannot deadlock. */
    @Transactional
    public List<StockEntry> transfer(SiteCode from, SiteCode to, Medicine medicine, Milligrams amount, String reason) {
        positive(amount);
        plausible("amountMg", amount);
        sites.resolve(to.value());
        if (from.equals(to)) {
            throw new RuleViolationException("same-site", "A transfer goes to another site.");
        }
        SiteCode first = from.value().compareTo(to.value()) < 0 ? from : to;
        SiteCode second = first.equals(from) ? to : from;
        lockBalance(first, medicine);
        lockBalance(second, medicine);
        long out = move(from, medicine, EntryKind.TRANSFER_OUT, amount.value().negate(),
                new Extra().otherSite(to.value()).reason(reason));
        long in = move(to, medicine, EntryKind.TRANSFER_IN, amount.value(), new Extra().otherSite(from.value()).reason(reason));
        audit.record("stock.transfer", null, from + " to " + to + " " + medicine, Outcome.SUCCESS);
        return List.of(entry(out), entry(in));
    }

    /** A physical count. The variance is counted minus book balance; beyond tolerance it needs a manager. */
    @Transactional
    public StockEntry count(SiteCode site, Medicine medicine, Milligrams counted, String note) {
        plausible("countedMg", counted);
        String text = FreeText.atMost("note", note, 300); // stored as the entry's reason
        BigDecimal balance = lockBalance(site, medicine);
        BigDecimal variance = counted.value().subtract(balance);
        boolean needs = variance.abs().compareTo(tolerance.value()) > 0;
        long id = insert(site, medicine, EntryKind.COUNT, BigDecimal.ZERO, balance,
                new Extra().reason(text).counted(counted.value(), variance, needs));
        audit.record("stock.count", null, site + " " + medicine, Outcome.SUCCESS);
        return entry(id);
    }

    @Transactional
    public StockEntry signOff(long countId, String note) {
        StockEntry count = entry(countId);
        if (count.kind() != EntryKind.COUNT || !count.needsSignoff()) {
            throw new RuleViolationException("no-signoff-needed", "This entry does not need a sign-off.");
        }
        if (count.signedOffBy() != null) {
            throw new ConflictException("already-signed-off", "This count is already signed off.");
        }
        if (count.recordedBy().equals(CurrentStaff.username())) {
            throw new RuleViolationException("signoff-by-other", "The count is signed off by someone other than the counter.");
        }
        db.sql("INSERT INTO stock_signoff (entry_id, signed_by, signed_at, note) VALUES (:id, :by, :at, :note)")
                .param("id", countId).param("by", CurrentStaff.username()).param("at", Utc.of(clock.instant())).param("note", FreeText.atMost("note", note, 300))
                .update();
        audit.record("stock.signoff", null, count.site() + " " + count.medicine(), Outcome.SUCCESS);
        return entry(countId);
    }

    /** A correction: the reversing entry undoes a receipt or a waste entry, with a reason. Once per entry. */
    @Transactional
    public StockEntry reverse(long entryId, String reason) {
        required("reason", reason);
        StockEntry original = entry(entryId);
        if (original.kind() != EntryKind.RECEIPT && original.kind() != EntryKind.WASTE) {
            throw new RuleViolationException("not-reversible", "Only receipts and waste entries can be reversed.");
        }
        boolean reversed = db.sql("SELECT COUNT(*) FROM stock_entry WHERE reverses = :id").param("id", entryId)
                .query(Long.class).single() > 0;
        if (reversed) {
            throw new ConflictException("already-reversed", "This entry is already reversed.");
        }
        long id = move(original.site(), original.medicine(), EntryKind.REVERSAL, original.delta().negate(),
                new Extra().reason(reason).reverses(entryId));
        audit.record("stock.reversal", null, original.site() + " " + original.medicine(), Outcome.SUCCESS);
        return entry(id);
    }

    @Transactional(readOnly = true)
    public List<Balance> balances() {
        return db.sql("SELECT site_code, medicine, balance_mg FROM stock_balance ORDER BY site_code, medicine")
                .query((rs, n) -> new Balance(new SiteCode(rs.getString(1)), Medicine.valueOf(rs.getString(2)),
                        new Milligrams(rs.getBigDecimal(3))))
                .list();
    }

    @Transactional(readOnly = true)
    public Milligrams balance(SiteCode site, Medicine medicine) {
        return db.sql("SELECT balance_mg FROM stock_balance WHERE site_code = :s AND medicine = :m")
                .param("s", site.value()).param("m", medicine.name()).query(BigDecimal.class).optional()
                .map(Milligrams::new).orElse(Milligrams.ZERO);
    }

    /** The latest entries of a site, newest first. */
    @Transactional(readOnly = true)
    public List<StockEntry> entries(SiteCode site, int limit) {
        return db.sql(SELECT + " WHERE e.site_code = :s ORDER BY e.id DESC LIMIT :limit")
                .param("s", site.value()).param("limit", limit).query(StockLedger::row).list();
    }

    @Transactional(readOnly = true)
    public StockEntry entry(long id) {
        return db.sql(SELECT + " WHERE e.id = :id").param("id", id).query(StockLedger::row).optional()
                .orElseThrow(() -> new NotFoundException("unknown-entry", "No stock entry with this id."));
    }

    private long move(SiteCode site, Medicine medicine, EntryKind kind, BigDecimal delta, Extra extra) {
        BigDecimal balance = lockBalance(site, medicine);
        BigDecimal after = balance.add(delta);
        if (after.signum() < 0) {
            throw new ConflictException("insufficient-stock", "Insufficient stock of this medicine at this site.")
                    .with("site", site.value()).with("medicine", medicine.name());
        }
        db.sql("UPDATE stock_balance SET balance_mg = :b WHERE site_code = :s AND medicine = :m")
                .param("b", after).param("s", site.value()).param("m", medicine.name()).update();
        return insert(site, medicine, kind, delta, after, extra);
    }

    private BigDecimal lockBalance(SiteCode site, Medicine medicine) {
        Optional<BigDecimal> balance = select(site, medicine);
        if (balance.isEmpty()) {
            sites.resolve(site.value());
            db.sql("INSERT INTO stock_balance (site_code, medicine, balance_mg) VALUES (:s, :m, 0) ON CONFLICT DO NOTHING")
                    .param("s", site.value()).param("m", medicine.name()).update();
            balance = select(site, medicine);
        }
        return balance.orElseThrow();
    }

    private Optional<BigDecimal> select(SiteCode site, Medicine medicine) {
        return db.sql("SELECT balance_mg FROM stock_balance WHERE site_code = :s AND medicine = :m FOR UPDATE")
                .param("s", site.value()).param("m", medicine.name()).query(BigDecimal.class).optional();
    }

    private long insert(SiteCode site, Medicine medicine, EntryKind kind, BigDecimal delta, BigDecimal after, Extra x) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        db.sql("""
                INSERT INTO stock_entry (site_code, medicine, kind, delta_mg, balance_after_mg, occurred_at, recorded_by,
                    supplier, batch, reason, witness, other_site, dispensing_id, reverses, counted_mg, variance_mg, needs_signoff)
                VALUES (:site, :medicine, :kind, :delta, :after, :at, :by, :supplier, :batch, :reason, :witness, :other,
                    :dispensing, :reverses, :counted, :variance, :needs)
                """)
                .param("site", site.value()).param("medicine", medicine.name()).param("kind", kind.name())
                .param("delta", delta).param("after", after).param("at", Utc.of(clock.instant())).param("by", CurrentStaff.username())
                .param("supplier", FreeText.atMost("supplier", x.supplier, 120)).param("batch", FreeText.atMost("batch", x.batch, 60))
                .param("reason", FreeText.atMost("reason", x.reason, 300))
                .param("witness", x.witness).param("other", x.otherSite).param("dispensing", x.dispensing)
                .param("reverses", x.reverses).param("counted", x.counted).param("variance", x.variance)
                .param("needs", x.needsSignoff)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private static final String SELECT = """
            SELECT e.*, s.signed_by FROM stock_entry e LEFT JOIN stock_signoff s ON s.entry_id = e.id
            """;

    static StockEntry row(ResultSet rs, int n) throws SQLException {
        long reverses = rs.getLong("reverses");
        Long rev = rs.wasNull() ? null : reverses;
        return new StockEntry(rs.getLong("id"), new SiteCode(rs.getString("site_code")),
                Medicine.valueOf(rs.getString("medicine")), EntryKind.valueOf(rs.getString("kind")),
                rs.getBigDecimal("delta_mg"), rs.getBigDecimal("balance_after_mg"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"),
                rs.getString("supplier"), rs.getString("batch"), rs.getString("reason"), rs.getString("witness"),
                rs.getString("other_site"), rs.getObject("dispensing_id", UUID.class), rev, rs.getBigDecimal("counted_mg"),
                rs.getBigDecimal("variance_mg"), rs.getBoolean("needs_signoff"), rs.getString("signed_by"));
    }

    /**
     * At most {@code ishenim.stock.max-movement-mg} (default 1,000,000 mg, a kilogram of substance) in one receipt,
     * waste, transfer or count: more is a typing error (a receipt of 10^10 mg was once accepted).
     */
    private void plausible(String field, Milligrams amount) {
        if (amount != null && amount.isGreaterThan(maxMovement)) {
            throw new org.ishenim.web.OutOfRangeException(field, "At most " + maxMovement.plain() + " mg at a time.");
        }
    }

    private static void positive(Milligrams amount) {
        if (amount == null || amount.isZero()) {
            throw new RuleViolationException("amount-required", "The amount must be more than 0 mg.");
        }
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new org.ishenim.web.InvalidFieldsException(java.util.Map.of(field, "This field is required."));
        }
    }




    /** Optional columns of an entry. */
    private static final class Extra {
        String supplier, batch, reason, witness, otherSite;
        UUID dispensing;
        Long reverses;
        BigDecimal counted, variance;
        boolean needsSignoff;

        Extra supplier(String s) { supplier = s; return this; }
        Extra batch(String s) { batch = s; return this; }
        Extra reason(String s) { reason = s; return this; }
        Extra witness(String s) { witness = s; return this; }
        Extra otherSite(String s) { otherSite = s; return this; }
        Extra dispensing(UUID id) { dispensing = id; return this; }
        Extra reverses(long id) { reverses = id; return this; }
        Extra counted(BigDecimal c, BigDecimal v, boolean needs) { counted = c; variance = v; needsSignoff = needs; return this; }
    }
}
