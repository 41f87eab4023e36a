package org.ishenim.reform.sentences;

import java.io.IOException;
import java.util.List;
import org.ishenim.reform.Charts;
import org.ishenim.reform.Country;
import org.ishenim.web.HubOnly;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Sentences: the template, the import with its error report, and the analysis with charts and tables. */
@Controller
@RequestMapping("/reform")
@HubOnly
class SentencePages {

    private final SentenceImport importer;
    private final SentenceFigures figures;
    private final MessageSource messages;

    SentencePages(SentenceImport importer, SentenceFigures figures, MessageSource messages) {
        this.importer = importer;
        this.figures = figures;
        this.messages = messages;
    }

    @GetMapping("/sentences/template.csv")
    @PreAuthorize("hasAnyRole('ANALYST','VIEWER')")
    ResponseEntity<byte[]> templateCsv() {
        return download(SentenceTemplate.csv(), "sentences-template.csv", new MediaType("text", "csv"));
    }

    @GetMapping("/sentences/template.xlsx")
    @PreAuthorize("hasAnyRole('ANALYST','VIEWER')")
    ResponseEntity<byte[]> templateXlsx() {
        return download(SentenceTemplate.xlsx(), "sentences-template.xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @GetMapping("/countries/{code}/sentences/import")
    @PreAuthorize("hasRole('ANALYST')")
    String importForm(@PathVariable String code, Model model) {
        Country country = Country.parse(code);
        model.addAttribute("country", country);
        model.addAttribute("columns", SentenceTemplate.COLUMNS);
        model.addAttribute("measures", Measure.values());
        model.addAttribute("findings", ExpertFinding.values());
        model.addAttribute("imports", figures.imports(country));
        return "reform/sentences-import";
    }

    @PostMapping("/countries/{code}/sentences/import")
    @PreAuthorize("hasRole('ANALYST')")
    String importFile(@PathVariable String code, @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean importValid, Model model) throws IOException {
        Country country = Country.parse(code);
        ImportReport report = importer.importFile(country, file.getOriginalFilename(), file.getBytes(), importValid);
        model.addAttribute("report", report);
        model.addAttribute("fileName", file.getOriginalFilename());
        return importForm(code, model);
    }

    @GetMapping("/countries/{code}/sentences")
    @PreAuthorize("hasAnyRole('ANALYST','VIEWER')")
    String analysis(@PathVariable String code, @RequestParam(required = false) Integer year, Model model) {
        Country country = Country.parse(code);
        SentenceFigures.Analysis analysis = figures.analyse(country, year);
        model.addAttribute("country", country);
        model.addAttribute("a", analysis);
        model.addAttribute("charts", charts(analysis,
                key -> messages.getMessage(key, null, key, LocaleContextHolder.getLocale())));
        return "reform/sentences";
    }

    /** The analysis' charts, keyed by name; titles stay short and language-neutral (the page gives the heading). */
    static java.util.Map<String, String> charts(SentenceFigures.Analysis a, java.util.function.UnaryOperator<String> msg) {
        List<String> years = a.byYear().stream().map(SentenceFigures.Figures::label).toList();
        List<String> regions = a.byRegion().stream().map(SentenceFigures.Figures::label).toList();
        return java.util.Map.of(
                "yearCount", Charts.bars(msg.apply("reform.chart.sentences"), years,
                        a.byYear().stream().map(f -> (double) f.sentences()).toList(), Charts::number),
                "yearShare", Charts.grouped(msg.apply("reform.chart.share"), years, List.of(
                        new Charts.Series(msg.apply("reform.chart.not_diagnosed"), a.byYear().stream().map(f -> f.shareNotDiagnosed() * 100).toList()),
                        new Charts.Series(msg.apply("reform.chart.not_examined"), a.byYear().stream().map(f -> f.shareNotExamined() * 100).toList())),
                        Charts::percentPoints),
                "regionCount", Charts.bars(msg.apply("reform.chart.sentences"), regions,
                        a.byRegion().stream().map(f -> (double) f.sentences()).toList(), Charts::number),
                "regionShare", Charts.grouped(msg.apply("reform.chart.share"), regions, List.of(
                        new Charts.Series(msg.apply("reform.chart.not_diagnosed"), a.byRegion().stream().map(f -> f.shareNotDiagnosed() * 100).toList()),
                        new Charts.Series(msg.apply("reform.chart.not_examined"), a.byRegion().stream().map(f -> f.shareNotExamined() * 100).toList())),
                        Charts::percentPoints),
                "regionMonths", Charts.grouped(msg.apply("reform.chart.months"), regions, List.of(
                        new Charts.Series(msg.apply("reform.chart.mean"), a.byRegion().stream().map(SentenceFigures.Figures::meanMonths).toList()),
                        new Charts.Series(msg.apply("reform.chart.median"), a.byRegion().stream().map(SentenceFigures.Figures::medianMonths).toList())),
                        Charts::number),
                "articles", Charts.bars(msg.apply("reform.chart.articles"), a.articles().stream().map(SentenceFigures.ArticleCount::article).toList(),
                        a.articles().stream().map(c -> (double) c.sentences()).toList(), Charts::number));
    }

    static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(type).body(body);
    }
}
