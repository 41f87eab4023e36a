package org.ishenim.reform.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Registry figures against OAT: the trend, the import of official statistics, and OAT numbers by hand. */
@Controller
@RequestMapping("/reform")
@HubOnly
class RegistryPages {

    static final String TEMPLATE = String.join(",", Registry.COLUMNS) + "\n";

    private final Registry registry;
    private final MessageSource messages;

    RegistryPages(Registry registry, MessageSource messages) {
        this.registry = registry;
        this.messages = messages;
    }

    @GetMapping("/registry/template.csv")
    @PreAuthorize("hasAnyRole('ANALYST','VIEWER')")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("registry-template.csv").build().toString())
                .contentType(new MediaType("text", "csv")).body(TEMPLATE.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/countries/{code}/registry")
    @PreAuthorize("hasAnyRole('ANALYST','VIEWER')")
    String page(@PathVariable String code, Model model) {
        Country country = Country.parse(code);
        List<Registry.YearTotal> trend = registry.trend(country);
        model.addAttribute("country", country);
        model.addAttribute("trend", trend);
        model.addAttribute("figures", registry.figures(country));
        model.addAttribute("synthetic", registry.anySynthetic(country));
        model.addAttribute("columns", Registry.COLUMNS);
        model.addAttribute("chart", chart(trend, key -> messages.getMessage(key, null, key, LocaleContextHolder.getLocale())));
        return "reform/registry";
    }

    /** People on the registry against people on OAT, by year. */
    static String chart(List<Registry.YearTotal> trend, java.util.function.UnaryOperator<String> msg) {
        return Charts.grouped(msg.apply("reform.registry.chart"),
                trend.stream().map(t -> Integer.toString(t.year())).toList(),
                List.of(new Charts.Series(msg.apply("reform.registry.onRegistry"),
                                trend.stream().map(t -> (double) t.onRegistry()).toList()),
                        new Charts.Series(msg.apply("reform.registry.onOat"),
                                trend.stream().map(t -> t.onOat() == null ? 0.0 : t.onOat()).toList())),
                Charts::number);
    }

    @PostMapping("/countries/{code}/registry/import")
    @PreAuthorize("hasRole('ANALYST')")
    String importFile(@PathVariable String code, @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean importValid, Model model) throws IOException {
        Country country = Country.parse(code);
        model.addAttribute("report",
                registry.importFile(country, file.getOriginalFilename(), file.getBytes(), importValid, false));
        return page(code, model);
    }

    @PostMapping("/countries/{code}/registry/oat")
    @PreAuthorize("hasRole('ANALYST')")
    String setOat(@PathVariable String code, @RequestParam int year, @RequestParam int people,
            RedirectAttributes redirect) {
        Country country = Country.parse(code);
        registry.setOat(country, year, people, false);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/reform/countries/" + country.code() + "/registry";
    }
}
