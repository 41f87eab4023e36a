package org.ishenim.indicators;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.indicators.NationalIndicators.Result;
import org.ishenim.indicators.ProtectedTable.Shown;
import org.ishenim.indicators.exchange.AdxExport;
import org.ishenim.indicators.exchange.DataValueSets;
import org.ishenim.indicators.exchange.Disaggregation;
import org.ishenim.indicators.exchange.DisclosureCheck;
import org.ishenim.indicators.exchange.Indicator;
import org.ishenim.indicators.exchange.IndicatorSet;
import org.ishenim.indicators.exchange.MeasureReportFile;
import org.ishenim.indicators.exchange.MeasureReports;
import org.ishenim.web.HubOnly;
import org.ishenim.web.SpreadsheetCells;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub analysts' national indicator page and its downloads (docs/indicators.md, "The national page"): national
 * coverage with its range, retention and dose adequacy, nationally and by region, every cell through disclosure
 * control. For the hub's analysts and viewers only; every view and download audited ({@code report.national}).
 */
@Controller
@HubOnly
@PreAuthorize("hasAnyRole('ANALYST','VIEWER')")
class NationalIndicatorPages {

    /** UNAIDS' target for OAMT coverage. */
    static final double COVERAGE_TARGET = 0.5;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NationalIndicators national;
    private final MeasureReports measureReports;
    private final AdxExport adx;
    private final DataValueSets dataValueSets;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;
    private final PopulationCoverage population;
    private final NationalTrends trends;
    private final NationalTreatmentDemand treatmentDemand;
    private final int minCell;

    NationalIndicatorPages(NationalIndicators national, MeasureReports measureReports, AdxExport adx,
            DataValueSets dataValueSets, AuditLog audit, MessageSource messages, Clock clock,
            PopulationCoverage population, NationalTrends trends, NationalTreatmentDemand treatmentDemand,
            @Value("${ishenim.indicators.min-cell:11}") int minCell) {
        this.population = population;
        this.trends = trends;
        this.treatmentDemand = treatmentDemand;
        this.minCell = minCell;
        this.national = national;
        this.measureReports = measureReports;
        this.adx = adx;
        this.dataValueSets = dataValueSets;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** One line of a table: the unit, the category, numerator, denominator and value as shown. */
    record Line(String unit, String category, String numerator, String denominator, String value) {
    }

    /** One indicator's section: its id, chart (SVG, or null) and lines. */
    record Section(String id, String chart, List<Line> lines) {
    }

    @GetMapping("/national-indicators")
    @Transactional
    String page(@RequestParam(required = false) YearMonth month, Model model) {
        YearMonth m = monthOrDefault(month);
        Result r = national.of(m);
        audit.record("report.national", null, m.toString(), Outcome.SUCCESS);
        model.addAttribute("month", m);
        model.addAttribute("result", r);
        model.addAttribute("coverageText", shareText(r.entry(ReportMeasure.IND11_NUMERATOR, null,
                Disaggregation.TOTAL), r.entry(ReportMeasure.IND11_DENOMINATOR, null, Disaggregation.TOTAL)));
        model.addAttribute("sections", sections(r));
        model.addAttribute("consentLines", consentLines(r));
        model.addAttribute("rangeNotes", rangeNotes(r));
        model.addAttribute("retention", retention(r));
        model.addAttribute("rolledUp", String.join(", ", r.rolledUp()));
        model.addAttribute("population", population.of(r));
        model.addAttribute("trends", trends.upTo(m, r));
        model.addAttribute("tdi", treatmentDemand.of(java.time.Year.from(m)).view());
        return "indicators/national";
    }

    private List<Section> sections(Result r) {
        return List.of(
                section(r, "ind11", ReportMeasure.IND11_NUMERATOR, ReportMeasure.IND11_DENOMINATOR, COVERAGE_TARGET),
                section(r, "ind12", ReportMeasure.IND12_DAYS, null, null),
                section(r, "ind13", ReportMeasure.IND13_RETAINED, ReportMeasure.IND13_OBSERVABLE, null),
                section(r, "ind14", ReportMeasure.IND14_NUMERATOR, ReportMeasure.IND14_DENOMINATOR, null));
    }

    /**
     * The downloads: {@code csv} (every table), {@code xlsx} (the CSV's values, a sheet per indicator), {@code pdf}
     * (the page as a printable brief in the viewer's language), {@code dhis2} (one DHIS2 data value set, JSON; {@code
     * dhis2-year} the month's calendar year for a yearly data set, 409 without December reports), {@code adx} (one IHE
     * ADX file) and {@code fhir} (a zip of MeasureReports, one per indicator and organisation unit). Each is built
     * from the published (suppressed) tables by the {@code indicators.exchange} exporters, which refuse any count
     * from 1 to min-cell − 1.
     */
    @GetMapping("/national-indicators/download")
    @Transactional
    ResponseEntity<byte[]> download(@RequestParam(required = false) YearMonth month, @RequestParam String format) {
        YearMonth m = monthOrDefault(month);
        String name = "national-indicators-" + m;
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        byte[] body;
        MediaType type;
        String file;
        switch (format) {
            case "csv" -> {
                Result r = national.of(m);
                body = csv(r, population.of(r)).getBytes(StandardCharsets.UTF_8);
                type = new MediaType("text", "csv", StandardCharsets.UTF_8);
                file = name + ".csv";
            }
            case "xlsx" -> {
                body = xlsx(national.of(m));
                type = Workbooks.XLSX;
                file = name + ".xlsx";
            }
            case "pdf" -> {
                body = brief(national.of(m));
                type = MediaType.APPLICATION_PDF;
                file = name + ".pdf";
            }
            case "dhis2" -> {
                body = dhis2(national.of(m).indicatorSets());
                type = MediaType.APPLICATION_JSON;
                file = name + "-dhis2.json";
            }
            case "dhis2-year" -> {
                // a yearly data set (WHO's HIV_AGG_PREV_YEARLY): the month's calendar year, from the December reports
                java.time.Year year = java.time.Year.from(m);
                Result r = national.ofYear(year);
                if (r.sitesReporting() == 0) {
                    return ResponseEntity.status(HttpStatus.CONFLICT).build();
                }
                body = dhis2(r.indicatorSets(org.ishenim.indicators.exchange.ReportingPeriod.year(year)));
                type = MediaType.APPLICATION_JSON;
                file = "national-indicators-" + year + "-dhis2.json";
            }
            case "adx" -> {
                body = adx.write(national.of(m).indicatorSets());
                type = MediaType.APPLICATION_XML;
                file = name + "-adx.xml";
            }
            case "tdi-csv" -> {
                body = TreatmentDemandCsv.write(treatmentDemand.of(java.time.Year.from(m)), this::msg)
                        .getBytes(StandardCharsets.UTF_8);
                type = new MediaType("text", "csv", StandardCharsets.UTF_8);
                file = "national-treatment-demand-" + m.getYear() + ".csv";
            }
            case "fhir" -> {
                body = fhirZip(national.of(m).indicatorSets());
                type = new MediaType("application", "zip");
                file = name + "-fhir.zip";
            }
            default -> {
                return ResponseEntity.badRequest().build();
            }
        }
        audit.record("report.national." + format, null, m.toString(), Outcome.SUCCESS);
        return ok.contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(file).build().toString()).body(body);
    }

    private YearMonth monthOrDefault(YearMonth month) {
        return month != null ? month : YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1);
    }

    /**
     * Each term of the coverage range (docs/indicators.md, "Error bounds") as a sentence: U, B, N (only when the
     * numerator is published), the sites whose reports do not say N, ρ with ρ⁺ and K from the hub's last cluster count
     * with its time (or that there is none).
     */
    private List<String> rangeNotes(Result r) {
        NationalIndicators.RangeTerms t = r.rangeTerms();
        List<String> notes = new ArrayList<>();
        notes.add(msg("indicators.national.range.formula"));
        // with the numerator suppressed there is no range, and its parts (which would narrow the numerator) are not shown
        t.deduplicated().ifPresent(u -> {
            notes.add(msg("indicators.national.range.u", u));
            notes.add(msg("indicators.national.range.b", t.countedElsewhereBound()));
            notes.add(msg("indicators.national.range.n", t.withoutCheck()));
        });
        if (t.sitesWithoutN() > 0) {
            notes.add(msg("indicators.national.range.nUnknown", t.sitesWithoutN()));
        }
        if (t.clusters().isPresent()) {
            var c = t.clusters().get();
            String rho = r.coverageRange().map(x -> NationalCharts.percent(x.overlapRate())).orElse("–");
            String upper = r.coverageRange().map(x -> NationalCharts.percent(x.overlapRateUpper())).orElse("–");
            notes.add(msg("indicators.national.range.rho", rho, upper, c.references(), c.clusters(),
                    TIME.format(c.countedAt())));
            notes.add(msg("indicators.national.range.k", c.multiSiteClusters()));
        } else {
            notes.add(msg("indicators.national.range.noCount"));
        }
        return notes;
    }

    /** The retention curve's section: its chart and its table (one line per point, each its own cohort). */
    private Section retention(Result r) {
        List<Line> lines = new ArrayList<>();
        List<Integer> months = new ArrayList<>();
        List<OptionalDouble> shares = new ArrayList<>();
        for (NationalIndicators.CurvePoint p : r.retentionCurve()) {
            months.add(p.month());
            boolean shown = !p.retained().suppressed() && !p.observable().suppressed()
                    && p.observable().count().getAsLong() > 0;
            shares.add(shown ? OptionalDouble.of((double) p.retained().count().getAsLong()
                    / p.observable().count().getAsLong()) : OptionalDouble.empty());
            lines.add(new Line(msg("indicators.national.retention.point", p.month()),
                    r.month().minusMonths(p.month()).toString(), p.retained().text(), p.observable().text(),
                    shareText(p.retained(), p.observable())));
        }
        String chart = NationalCharts.curve(msg("indicators.national.retention.chart"), months, shares,
                msg("indicators.national.retention.axis"));
        return new Section("retention", chart, lines);
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Section section(Result r, String id, ReportMeasure numerator, ReportMeasure denominator, Double target) {
        List<String> units = units(r);
        List<Line> lines = new ArrayList<>();
        List<Disaggregation> all = new ArrayList<>();
        all.add(Disaggregation.TOTAL);
        all.addAll(Disaggregation.cells());
        for (String unit : units) {
            for (Disaggregation d : all) {
                Shown n = r.entry(numerator, unit, d);
                Shown dn = denominator == null ? null : r.entry(denominator, unit, d);
                String value = denominator == null ? personYears(n) : shareText(n, dn);
                lines.add(new Line(unitLabel(r, unit), category(d), n.text(), dn == null ? "" : dn.text(), value));
            }
        }
        String chart = null;
        if (denominator != null) {
            List<OptionalDouble> shares = units.stream()
                    .map(u -> share(r, numerator, denominator, u, Disaggregation.TOTAL)).toList();
            chart = NationalCharts.shares(msg("indicators.national." + id + ".chart"),
                    units.stream().map(u -> unitLabel(r, u)).toList(), shares, target,
                    msg("indicators.national.target"));
        }
        return new Section(id, chart, lines);
    }

    /** The units of the page: the nation ({@code null}), then each published region. */
    private static List<String> units(Result r) {
        List<String> units = new ArrayList<>();
        units.add(null);
        if (r.regional()) {
            units.addAll(r.rows());
        }
        return units;
    }

    private List<Line> consentLines(Result r) {
        List<Line> lines = new ArrayList<>();
        for (String unit : units(r)) {
            lines.add(new Line(unitLabel(r, unit), "", r.consent(unit, "counted").text(),
                    r.consent(unit, "withoutConsent").text(), ""));
        }
        return lines;
    }

    static OptionalDouble share(Result r, ReportMeasure numerator, ReportMeasure denominator, String unit,
            Disaggregation d) {
        Shown n = r.entry(numerator, unit, d);
        Shown dn = r.entry(denominator, unit, d);
        if (n.suppressed() || dn.suppressed() || dn.count().getAsLong() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) n.count().getAsLong() / dn.count().getAsLong());
    }

    private static String shareText(Shown n, Shown d) {
        if (n.suppressed() || d.suppressed()) {
            return ProtectedTable.MARK;
        }
        return d.count().getAsLong() == 0 ? "–"
                : NationalCharts.percent((double) n.count().getAsLong() / d.count().getAsLong());
    }

    private static String personYears(Shown days) {
        return days.suppressed() ? ProtectedTable.MARK
                : String.format(Locale.ROOT, "%.1f", days.count().getAsLong() / 365.25);
    }

    private String unitLabel(Result r, String unit) {
        if (unit == null) {
            return msg("indicators.national.unit.national", r.nationalOrgUnit());
        }
        return switch (unit) {
            case NationalIndicators.OTHER_REGIONS -> msg("indicators.national.unit.other");
            case NationalIndicators.NO_REGION -> msg("indicators.national.unit.none");
            default -> unit;
        };
    }

    private String category(Disaggregation d) {
        if (d.isTotal()) {
            return msg("indicators.national.total");
        }
        return msg("indicators.national.sex." + d.sex()) + " " + (d.age() == Disaggregation.AgeBand.UNDER_25
                ? "<25" : "25+");
    }

    private String csv(Result r, PopulationCoverage.View coverage) {
        var out = new StringWriter();
        try (var printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(fileHeaders()
                .toArray(String[]::new)).get())) {
            for (IndicatorSet set : protectedSets(r)) {
                for (var v : set.values()) {
                    printer.printRecord(fileRow(set, v).stream().map(SpreadsheetCells::safe).toList());
                }
            }
            // coverage against the population: the published IND.11 numerator over the estimate in use
            for (PopulationCoverage.Line line : coverage.lines()) {
                if (line.estimated()) {
                    printer.printRecord(List.of(line.code(), "IND11-POPULATION", "", "", line.numeratorText(),
                            Long.toString(line.estimate().size())).stream().map(SpreadsheetCells::safe).toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The CSV's values in a workbook, a sheet per indicator (the nation, then each region); {@code [c]} as text. */
    private byte[] xlsx(Result r) {
        List<IndicatorSet> sets = protectedSets(r);
        List<Workbooks.Table> sheets = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            List<List<String>> rows = new ArrayList<>();
            for (IndicatorSet set : sets) {
                for (var v : set.values()) {
                    if (v.indicator() == indicator) {
                        rows.add(fileRow(set, v));
                    }
                }
            }
            sheets.add(new Workbooks.Table(indicator.code(), fileHeaders(), rows));
        }
        return Workbooks.xlsx(sheets);
    }

    /** The published sets, each through the exporters' last gate: no count from 1 to min-cell − 1 leaves. */
    private List<IndicatorSet> protectedSets(Result r) {
        List<IndicatorSet> sets = r.indicatorSets();
        sets.forEach(set -> DisclosureCheck.requireProtected(set, minCell));
        return sets;
    }

    private List<String> fileHeaders() {
        return List.of("unit", "indicator", "sex", "age", "numerator", "denominator").stream()
                .map(k -> msg("indicators.national.csv." + k)).toList();
    }

    private static List<String> fileRow(IndicatorSet set, org.ishenim.indicators.exchange.IndicatorValue v) {
        return List.of(set.orgUnit(), v.indicator().code(),
                v.disaggregation().isTotal() ? "" : v.disaggregation().sex().name(),
                v.disaggregation().isTotal() ? "" : v.disaggregation().age().name(), text(v.numerator()),
                v.denominator() == null ? "" : text(v.denominator()));
    }

    /**
     * The page as a PDF brief in the viewer's language: the summary, IND.11–14 as on the page (published entries
     * only, {@code [c]} where suppressed), the mark's note and the sources.
     */
    private byte[] brief(Result r) {
        protectedSets(r);
        List<NationalBrief.Table> tables = new ArrayList<>();
        List<String> headers = List.of(msg("indicators.national.col.unit"), msg("indicators.col.category"),
                msg("indicators.col.numerator"), msg("indicators.col.denominator"), msg("indicators.col.value"));
        for (Section s : sections(r)) {
            tables.add(new NationalBrief.Table(msg("indicators." + s.id() + ".title"),
                    msg("indicators.national." + s.id() + ".note"), headers, s.lines().stream()
                            .map(l -> List.of(l.unit(), l.category(), l.numerator(), l.denominator(), l.value()))
                            .toList()));
        }
        List<String> notes = new ArrayList<>();
        if (!r.regional()) {
            notes.add(msg("indicators.national.nationalOnly"));
        } else if (!r.rolledUp().isEmpty()) {
            notes.add(msg("indicators.national.rolledUp", String.join(", ", r.rolledUp())));
        }
        String range = r.coverageRange().map(x -> msg("indicators.national.range", x.point(), x.low(), x.high()))
                .orElse(null);
        return NationalBrief.render(new NationalBrief.Content(msg("indicators.national.title"),
                r.month().toString(), msg("indicators.national.sites", r.sitesReporting(), r.month()),
                shareText(r.entry(ReportMeasure.IND11_NUMERATOR, null, Disaggregation.TOTAL),
                        r.entry(ReportMeasure.IND11_DENOMINATOR, null, Disaggregation.TOTAL)),
                msg("indicators.national.coverage.caption"), range, range == null ? List.of() : rangeNotes(r), notes,
                tables, msg("indicators.national.mark"), msg("indicators.national.brief.sources")));
    }

    private static String text(org.ishenim.indicators.exchange.Cell cell) {
        return cell.suppressed() ? ProtectedTable.MARK : Long.toString(cell.count().getAsLong());
    }

    /**
     * One DHIS2 data value set for every published unit: each data value names its own organisation unit, so the
     * file is posted once. Cells suppressed now are only left out here; deleting them in DHIS2 is the "send to
     * DHIS2" action's job ({@code Dhis2Client}).
     */
    private byte[] dhis2(List<IndicatorSet> sets) {
        List<DataValueSets.DataValue> values = new ArrayList<>();
        String dataSet = null;
        String period = null;
        for (IndicatorSet set : sets) {
            DataValueSets.Payload payload = dataValueSets.build(set);
            dataSet = payload.values().dataSet();
            period = payload.values().period();
            values.addAll(payload.values().dataValues());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dataSet", dataSet);
        json.put("period", period);
        json.put("dataValues", values);
        return JSON.writeValueAsBytes(json);
    }

    private byte[] fhirZip(List<IndicatorSet> sets) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (IndicatorSet set : sets) {
                for (MeasureReportFile f : measureReports.export(set)) {
                    zip.putNextEntry(new ZipEntry(f.fileName()));
                    zip.write(f.json().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
