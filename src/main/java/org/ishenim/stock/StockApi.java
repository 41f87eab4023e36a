package org.ishenim.stock;

import java.util.List;
import java.util.Map;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.InvalidFieldsException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;

/** The stock REST API: balances, entries of each kind, sign-off and reversal, the monthly report. */
@RestController
@RequestMapping("/api/v1/stock")
@ClinicOnly
class StockApi {

    record Receipt(String site, Medicine medicine, String amountMg, String supplier, String batch) {
    }

    record Waste(String site, Medicine medicine, String amountMg, String reason, String witness) {
    }

    record Transfer(String fromSite, String toSite, Medicine medicine, String amountMg, String reason) {
    }

    record Count(String site, Medicine medicine, String countedMg, String note) {
    }

    record Note(String note) {
    }

    record Reason(String reason) {
    }

    private final StockLedger ledger;
    private final Sites sites;
    private final StockReports reports;

    StockApi(StockLedger ledger, Sites sites, StockReports reports) {
        this.ledger = ledger;
        this.sites = sites;
        this.reports = reports;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('PHARMACIST','MANAGER','NURSE','DOCTOR')")
    List<Balance> balances() {
        return ledger.balances();
    }

    @GetMapping("/sites")
    @PreAuthorize("hasAnyRole('PHARMACIST','MANAGER','NURSE','DOCTOR')")
    List<Site> sites() {
        return sites.all();
    }

    record SiteRequest(String code, String name) {
    }

    @PostMapping("/sites")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<Site> addSite(@RequestBody(required = false) SiteRequest r) {
        return ResponseEntity.status(201).body(sites.add(r == null ? null : r.code(), r == null ? null : r.name()));
    }

    @PutMapping("/sites/{code}")
    @PreAuthorize("hasRole('MANAGER')")
    Site renameSite(@PathVariable String code, @RequestBody(required = false) SiteRequest r) {
        return sites.rename(code, r == null ? null : r.name());
    }

    @GetMapping("/entries")
    @PreAuthorize("hasAnyRole('PHARMACIST','MANAGER')")
    List<StockEntry> entries(@RequestParam(required = false) String site, @RequestParam(defaultValue = "100") int limit) {
        return ledger.entries(sites.resolve(site), Math.max(1, Math.min(limit, 1000)));
    }

    @PostMapping("/receipts")
    @PreAuthorize("hasRole('PHARMACIST')")
    ResponseEntity<StockEntry> receive(@RequestBody Receipt r) {
        need(r != null && r.medicine() != null && r.amountMg() != null, "medicine and amountMg");
        return created(ledger.receive(sites.resolve(r.site()), r.medicine(), Milligrams.of(r.amountMg()), r.supplier(), r.batch()));
    }

    @PostMapping("/waste")
    @PreAuthorize("hasRole('PHARMACIST')")
    ResponseEntity<StockEntry> waste(@RequestBody Waste r) {
        need(r != null && r.medicine() != null && r.amountMg() != null, "medicine and amountMg");
        return created(ledger.waste(sites.resolve(r.site()), r.medicine(), Milligrams.of(r.amountMg()), r.reason(), r.witness()));
    }

    @PostMapping("/transfers")
    @PreAuthorize("hasRole('PHARMACIST')")
    ResponseEntity<List<StockEntry>> transfer(@RequestBody Transfer r) {
        need(r != null && r.medicine() != null && r.amountMg() != null && r.toSite() != null, "toSite, medicine and amountMg");
        return ResponseEntity.status(201).body(ledger.transfer(sites.resolve(r.fromSite()), sites.resolve(r.toSite()),
                r.medicine(), Milligrams.of(r.amountMg()), r.reason()));
    }

    @PostMapping("/counts")
    @PreAuthorize("hasRole('PHARMACIST')")
    ResponseEntity<StockEntry> count(@RequestBody Count r) {
        need(r != null && r.medicine() != null && r.countedMg() != null, "medicine and countedMg");
        return created(ledger.count(sites.resolve(r.site()), r.medicine(), Milligrams.of(r.countedMg()), r.note()));
    }

    @PostMapping("/counts/{id}/signoff")
    @PreAuthorize("hasRole('MANAGER')")
    StockEntry signOff(@PathVariable long id, @RequestBody(required = false) Note n) {
        return ledger.signOff(id, n == null ? null : n.note());
    }

    @PostMapping("/entries/{id}/reversal")
    @PreAuthorize("hasRole('PHARMACIST')")
    ResponseEntity<StockEntry> reverse(@PathVariable long id, @RequestBody Reason r) {
        return created(ledger.reverse(id, r == null ? null : r.reason()));
    }

    @GetMapping("/reports/monthly")
    @PreAuthorize("hasAnyRole('MANAGER','PHARMACIST')")
    MonthlyStockReport monthly(@RequestParam(required = false) String site, @RequestParam java.time.YearMonth month) {
        return reports.monthly(sites.resolve(site), month);
    }

    private static ResponseEntity<StockEntry> created(StockEntry e) {
        return ResponseEntity.status(201).body(e);
    }

    private static void need(boolean ok, String fields) {
        if (!ok) {
            throw new InvalidFieldsException(Map.of("body", fields + " are required."));
        }
    }
}
