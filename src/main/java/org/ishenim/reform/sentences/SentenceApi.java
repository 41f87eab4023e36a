package org.ishenim.reform.sentences;

import java.io.IOException;
import org.ishenim.reform.Country;
import org.ishenim.web.HubOnly;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The sentences over the REST API: import a file (analysts) and read the figures (analysts and viewers). */
@RestController
@RequestMapping("/api/reform/countries/{code}/sentences")
@HubOnly
class SentenceApi {

    private final SentenceImport importer;
    private final SentenceFigures figures;

    SentenceApi(SentenceImport importer, SentenceFigures figures) {
        this.importer = importer;
        this.figures = figures;
    }

    /** 200 with the report when rows were imported; 422 with the report when the file's errors stopped it. */
    @PostMapping
    @PreAuthorize("hasRole('ANALYST')")
    ResponseEntity<ImportReport> importFile(@PathVariable String code, @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean importValid) throws IOException {
        ImportReport report = importer.importFile(Country.parse(code), file.getOriginalFilename(), file.getBytes(),
                importValid);
        return ResponseEntity.status(report.imported() ? 200 : 422).body(report);
    }

    @GetMapping("/figures")
    @PreAuthorize("hasAnyRole('ANALYST','VIEWER')")
    SentenceFigures.Analysis figures(@PathVariable String code, @RequestParam(required = false) Integer year) {
        return figures.analyse(Country.parse(code), year);
    }
}
