package org.ishenim.reform;

import java.util.List;
import java.util.Locale;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.reform.sentences.SentenceFigures;
import org.ishenim.reform.visits.Visits;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The reform landing page, the country dashboard and its exports (PDF brief, CSV). */
@Controller
@RequestMapping("/reform")
@HubOnly
@PreAuthorize("hasAnyRole('ANALYST','VIEWER')")
class ReformPages {

    /** A line of the landing page: a country with its headline figures. */
    public record CountryLine(Country country, long sentences, int openCommitments, long overdue) {
    }

    private final CountryBriefs briefs;
    private final SentenceFigures sentences;
    private final Visits visits;
    private final MessageSource messages;
    private final AuditLog audit;

    ReformPages(CountryBriefs briefs, SentenceFigures sentences, Visits visits, MessageSource messages, AuditLog audit) {
        this.briefs = briefs;
        this.sentences = sentences;
        this.visits = visits;
        this.messages = messages;
        this.audit = audit;
    }

    @GetMapping
    String index(Model model) {
        List<CountryLine> lines = Country.all().stream().map(c -> {
            var open = visits.openCommitments(c);
            return new CountryLine(c, sentences.analyse(c, null).total().sentences(), open.size(),
                    open.stream().filter(x -> x.overdue(visits.today())).count());
        }).toList();
        model.addAttribute("lines", lines);
        return "reform/index";
    }

    @GetMapping("/countries/{code}")
    String country(@PathVariable String code, @RequestParam(required = false) Integer year, Model model) {
        CountryBrief b = briefs.brief(Country.parse(code), year);
        model.addAttribute("b", b);
        model.addAttribute("country", b.country());
        Locale locale = LocaleContextHolder.getLocale();
        java.util.function.UnaryOperator<String> msg = key -> messages.getMessage(key, null, key, locale);
        var a = b.sentences();
        model.addAttribute("trendChart", Charts.grouped(msg.apply("reform.chart.sentences"),
                a.byYear().stream().map(SentenceFigures.Figures::label).toList(),
                List.of(new Charts.Series(msg.apply("reform.chart.sentences"),
                                a.byYear().stream().map(f -> (double) f.sentences()).toList()),
                        new Charts.Series(msg.apply("reform.chart.not_diagnosed"),
                                a.byYear().stream().map(f -> (double) f.notDiagnosed()).toList())),
                Charts::number));
        model.addAttribute("regionChart", Charts.bars(msg.apply("reform.chart.share"),
                a.byRegion().stream().map(SentenceFigures.Figures::label).toList(),
                a.byRegion().stream().map(f -> f.shareNotDiagnosed() * 100).toList(),
                Charts::percentPoints));
        model.addAttribute("registryChart", Charts.grouped(msg.apply("reform.registry.chart"),
                b.registry().stream().map(t -> Integer.toString(t.year())).toList(),
                List.of(new Charts.Series(msg.apply("reform.registry.onRegistry"),
                                b.registry().stream().map(t -> (double) t.onRegistry()).toList()),
                        new Charts.Series(msg.apply("reform.registry.onOat"),
                                b.registry().stream().map(t -> t.onOat() == null ? 0.0 : t.onOat()).toList())),
                Charts::number));
        model.addAttribute("levels", org.ishenim.reform.guidelines.Compliance.Level.values());
        return "reform/country";
    }

    @GetMapping("/countries/{code}/brief.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String code, @RequestParam(required = false) Integer year) {
        CountryBrief b = briefs.brief(Country.parse(code), year);
        Locale locale = LocaleContextHolder.getLocale();
        byte[] pdf = new BriefPdf(messages, locale).render(b);
        audit.record("reform.brief.pdf", null, b.country().code(), Outcome.SUCCESS);
        return download(pdf, "brief-" + b.country().code() + "-" + locale.getLanguage() + ".pdf",
                MediaType.APPLICATION_PDF);
    }

    @GetMapping("/countries/{code}/export.csv")
    ResponseEntity<byte[]> csv(@PathVariable String code, @RequestParam(required = false) Integer year) {
        CountryBrief b = briefs.brief(Country.parse(code), year);
        audit.record("reform.brief.csv", null, b.country().code(), Outcome.SUCCESS);
        return download(BriefCsv.render(b), "reform-" + b.country().code() + ".csv", new MediaType("text", "csv"));
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(type).body(body);
    }
}
