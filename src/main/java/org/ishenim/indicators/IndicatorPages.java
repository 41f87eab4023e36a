package org.ishenim.indicators;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.ClinicZone;
import org.ishenim.web.FormErrors;
import org.ishenim.web.InvalidFieldsException;
import org.ishenim.web.PlausibleDates;
import org.ishenim.web.SpreadsheetCells;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clinic manager's indicator page and its CSV: the clinic's own, unsuppressed figures for a month (default: last
 * month), a census date (default: the month's last day) and a recruitment cohort (default: the month six months
 * earlier, so that the six-month point is observable at the census date).
 */
@Controller
@ClinicOnly
class IndicatorPages {

    private final ClinicIndicators indicators;
    private final IndicatorRules rules;
    private final MessageSource messages;
    private final Clock clock;
    private final ClinicZone zone;
    private final PlausibleDates dates;

    private final MonthlyReports monthlyReports;
    private final MonthlyReportSender sender;

    IndicatorPages(ClinicIndicators indicators, IndicatorRules rules, MessageSource messages, Clock clock,
            ClinicZone zone, PlausibleDates dates, MonthlyReports monthlyReports, MonthlyReportSender sender) {
        this.monthlyReports = monthlyReports;
        this.sender = sender;
        this.dates = dates;
        this.indicators = indicators;
        this.rules = rules;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/indicators")
    @PreAuthorize("hasRole('MANAGER')")
    Object page(@RequestParam(required = false) YearMonth month, @RequestParam(required = false) LocalDate census,
            @RequestParam(required = false) YearMonth cohortFrom, @RequestParam(required = false) YearMonth cohortTo,
            @RequestParam(defaultValue = "html") String format, Model model) {
        YearMonth m = month != null ? month : YearMonth.now(clock.withZone(zone.id())).minusMonths(1);
        LocalDate c = census != null ? census : m.atEndOfMonth();
        YearMonth from = cohortFrom != null ? cohortFrom : m.minusMonths(6);
        YearMonth to = cohortTo != null ? cohortTo : from;
        dates.clinical().check("month", m.atDay(1));
        dates.clinical().check("census", c);
        dates.clinical().check("cohortFrom", from.atDay(1));
        dates.clinical().check("cohortTo", to.atDay(1));
        ClinicReport report = indicators.report(m, c, from, to);
        List<IndicatorTables.Line> lines = IndicatorTables.lines(report, this::msg);
        if ("csv".equals(format)) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("indicators-" + m + "-" + c + ".csv").build().toString())
                    .body(csv(lines).getBytes(StandardCharsets.UTF_8));
        }
        if ("xlsx".equals(format)) {
            return ResponseEntity.ok().contentType(Workbooks.XLSX)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("indicators-" + m + "-" + c + ".xlsx").build().toString())
                    .body(xlsx(lines));
        }
        model.addAttribute("report", report);
        model.addAttribute("rules", rules);
        model.addAttribute("sections", List.of(
                section(lines, IndicatorTables.IND11, "ind11", "indicators.col.percent"),
                section(lines, IndicatorTables.IND12, "ind12", "indicators.col.personYears"),
                section(lines, IndicatorTables.IND13, "ind13", "indicators.col.percent"),
                section(lines, IndicatorTables.IND14, "ind14", "indicators.col.percent"),
                section(lines, IndicatorTables.CONSENT, "consent", "indicators.col.value")));
        model.addAttribute("monthlyReports", monthlyReports.versions());
        model.addAttribute("lastMonth", lastMonth());
        return "indicators/indicators";
    }

    /**
     * "Freeze and send": freezes the month's report as its next version (a correction when one exists) and sends it
     * to the hub in the background; the page shows its status. Only a month that has ended.
     */
    @PostMapping("/indicators/reports")
    @PreAuthorize("hasRole('MANAGER')")
    String freezeAndSend(@RequestParam(required = false) String reportMonth, RedirectAttributes redirect) {
        YearMonth m;
        try {
            m = YearMonth.parse(reportMonth == null ? "" : reportMonth.strip());
            dates.clinical().check("reportMonth", m.atDay(1));
        } catch (java.time.format.DateTimeParseException | InvalidFieldsException e) {
            m = null;
        }
        if (m == null || m.isAfter(lastMonth())) {
            FormErrors.flash(new InvalidFieldsException(Map.of("reportMonth", "A month that has ended.")), redirect);
            return "redirect:/indicators#monthly-reports";
        }
        MonthlyReports.Version frozen = monthlyReports.freeze(m);
        sender.sendPendingInBackground();
        redirect.addFlashAttribute("frozenReport", frozen);
        return "redirect:/indicators#monthly-reports";
    }

    /** The last month that has ended, in the clinic's zone. */
    private YearMonth lastMonth() {
        return YearMonth.from(LocalDate.ofInstant(clock.instant(), zone.id())).minusMonths(1);
    }

    /** One table of the page: its id, its lines, and the heading of its value column. */
    record Section(String id, String valueHeading, List<IndicatorTables.Line> lines) {
    }

    private static Section section(List<IndicatorTables.Line> lines, String code, String id, String valueHeading) {
        return new Section(id, valueHeading, lines.stream().filter(l -> l.indicator().equals(code)).toList());
    }

    private String csv(List<IndicatorTables.Line> lines) {
        var out = new StringWriter();
        String[] headers = List.of("indicator", "dimension", "category", "numerator", "denominator", "value").stream()
                .map(k -> msg("indicators.col." + k)).toArray(String[]::new);
        try (var printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(headers).get())) {
            for (IndicatorTables.Line l : lines) {
                printer.printRecord(List.of(l.indicator(), l.dimension(), l.category(), text(l.numerator()),
                        text(l.denominator()), l.value()).stream().map(SpreadsheetCells::safe).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The CSV's lines in a workbook, a sheet per table (IND.11 to IND.14, then the consent table). */
    private byte[] xlsx(List<IndicatorTables.Line> lines) {
        List<String> headers = List.of("indicator", "dimension", "category", "numerator", "denominator", "value")
                .stream().map(k -> msg("indicators.col." + k)).toList();
        List<Workbooks.Table> sheets = new java.util.ArrayList<>();
        for (String code : List.of(IndicatorTables.IND11, IndicatorTables.IND12, IndicatorTables.IND13,
                IndicatorTables.IND14, IndicatorTables.CONSENT)) {
            sheets.add(new Workbooks.Table(code, headers, lines.stream().filter(l -> l.indicator().equals(code))
                    .map(l -> List.of(l.indicator(), l.dimension(), l.category(), text(l.numerator()),
                            text(l.denominator()), l.value() == null ? "" : l.value()))
                    .toList()));
        }
        return Workbooks.xlsx(sheets);
    }

    private static String text(Long n) {
        return n == null ? "" : n.toString();
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
