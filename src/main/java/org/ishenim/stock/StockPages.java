package org.ishenim.stock;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The stock pages: balances, one form per entry kind, the ledger with reversal and sign-off, the monthly report. */
@Controller
@ClinicOnly
class StockPages {

    private final StockLedger ledger;
    private final Sites sites;
    private final StockReports reports;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    StockPages(StockLedger ledger, Sites sites, StockReports reports, MessageSource messages, Clock clock,
            org.ishenim.web.ClinicZone clinicZone) {
        ZoneId zone = clinicZone.id();
        this.ledger = ledger;
        this.sites = sites;
        this.reports = reports;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/stock")
    @PreAuthorize("hasAnyRole('PHARMACIST','MANAGER','NURSE','DOCTOR')")
    String page(@RequestParam(required = false) String site, Model model) {
        SiteCode code = sites.resolve(site);
        model.addAttribute("site", code.value());
        model.addAttribute("sites", sites.all());
        model.addAttribute("balances", ledger.balances());
        model.addAttribute("entries", ledger.entries(code, 50));
        model.addAttribute("medicines", Medicine.values());
        return "stock/stock";
    }

    @PostMapping("/stock/receipts")
    @PreAuthorize("hasRole('PHARMACIST')")
    String receive(@RequestParam String site, @RequestParam Medicine medicine, @RequestParam String amountMg,
            @RequestParam(defaultValue = "") String supplier, @RequestParam(defaultValue = "") String batch,
            Model model, RedirectAttributes redirect) {
        return act(site, model, redirect, () -> ledger.receive(sites.resolve(site), medicine, Milligrams.of(amountMg), supplier, batch));
    }

    @PostMapping("/stock/waste")
    @PreAuthorize("hasRole('PHARMACIST')")
    String waste(@RequestParam String site, @RequestParam Medicine medicine, @RequestParam String amountMg,
            @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String witness,
            Model model, RedirectAttributes redirect) {
        return act(site, model, redirect, () -> ledger.waste(sites.resolve(site), medicine, Milligrams.of(amountMg), reason, witness));
    }

    @PostMapping("/stock/transfers")
    @PreAuthorize("hasRole('PHARMACIST')")
    String transfer(@RequestParam String site, @RequestParam String toSite, @RequestParam Medicine medicine,
            @RequestParam String amountMg, @RequestParam(defaultValue = "") String reason, Model model,
            RedirectAttributes redirect) {
        return act(site, model, redirect, () -> ledger.transfer(sites.resolve(site), sites.resolve(toSite), medicine,
                Milligrams.of(amountMg), reason).get(0));
    }

    @PostMapping("/stock/counts")
    @PreAuthorize("hasRole('PHARMACIST')")
    String count(@RequestParam String site, @RequestParam Medicine medicine, @RequestParam String countedMg,
            @RequestParam(defaultValue = "") String note, Model model, RedirectAttributes redirect) {
        return act(site, model, redirect, () -> ledger.count(sites.resolve(site), medicine, Milligrams.of(countedMg), note));
    }

    @PostMapping("/stock/entries/{id}/reversal")
    @PreAuthorize("hasRole('PHARMACIST')")
    String reverse(@PathVariable long id, @RequestParam String site, @RequestParam(defaultValue = "") String reason,
            Model model, RedirectAttributes redirect) {
        return act(site, model, redirect, () -> ledger.reverse(id, reason));
    }

    @PostMapping("/stock/counts/{id}/signoff")
    @PreAuthorize("hasRole('MANAGER')")
    String signOff(@PathVariable long id, @RequestParam String site, @RequestParam(defaultValue = "") String note,
            Model model, RedirectAttributes redirect) {
        return act(site, model, redirect, () -> ledger.signOff(id, note));
    }

    @PostMapping("/stock/sites")
    @PreAuthorize("hasRole('MANAGER')")
    String addSite(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String site, Model model, RedirectAttributes redirect) {
        return act(site, model, redirect, () -> sites.add(code, name));
    }

    @PostMapping("/stock/sites/{code}")
    @PreAuthorize("hasRole('MANAGER')")
    String renameSite(@PathVariable String code, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String site, Model model, RedirectAttributes redirect) {
        return act(site, model, redirect, () -> sites.rename(code, name));
    }

    @GetMapping("/reports/stock")
    @PreAuthorize("hasAnyRole('MANAGER','PHARMACIST','DOCTOR')")
    Object monthly(@RequestParam(required = false) String site, @RequestParam(required = false) YearMonth month,
            @RequestParam(defaultValue = "html") String format, Model model) {
        SiteCode code = sites.resolve(site);
        YearMonth m = month == null ? YearMonth.now(clock.withZone(zone)) : month;
        MonthlyStockReport report = reports.monthly(code, m);
        if ("html".equals(format)) {
            model.addAttribute("report", report);
            model.addAttribute("sites", sites.all());
            model.addAttribute("site", code.value());
            model.addAttribute("month", m);
            return "stock/report";
        }
        List<String> headers = new ArrayList<>();
        for (String k : List.of("medicine", "opening", "received", "dispensed", "wasted", "transferredIn", "transferredOut",
                "closing", "counted", "variance")) {
            headers.add(msg("stock.report." + k));
        }
        List<List<String>> rows = new ArrayList<>();
        for (var l : report.lines()) {
            rows.add(List.of(msg("medicine." + l.medicine()), n(l.opening()), n(l.received()), n(l.dispensed()), n(l.wasted()),
                    n(l.transferredIn()), n(l.transferredOut()), n(l.closing()), n(l.counted()), n(l.variance())));
        }
        String name = "stock-" + code + "-" + m;
        String title = msg("stock.report.title") + " · " + code + " · " + m;
        if ("csv".equals(format)) {
            return download(ReportFormats.csv(headers, rows).getBytes(StandardCharsets.UTF_8), name + ".csv",
                    new MediaType("text", "csv", StandardCharsets.UTF_8));
        }
        return download(ReportFormats.pdf(title, headers, rows), name + ".pdf", MediaType.APPLICATION_PDF);
    }

    static ResponseEntity<byte[]> download(byte[] body, String filename, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private static String n(java.math.BigDecimal v) {
        if (v == null) {
            return "";
        }
        var s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private String act(String site, Model model, RedirectAttributes redirect, java.util.function.Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("message", "stock.saved");
            return "redirect:/stock?site=" + sites.resolve(site).value();
        } catch (ProblemException e) {
            org.ishenim.web.PageProblems.show(e, model);
        } catch (IllegalArgumentException e) {
            org.ishenim.web.PageProblems.invalid(e, model);
        }
        return page(site, model);
    }
}
