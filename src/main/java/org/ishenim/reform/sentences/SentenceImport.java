package org.ishenim.reform.sentences;

import org.ishenim.reform.RowError;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.reform.Country;
import org.ishenim.reform.TabularFile;
import org.ishenim.web.HubOnly;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ishenim.web.CurrentStaff;

/**
 * Imports a year of sentences from the template (CSV or XLSX). A file with any error imports nothing unless the
 * analyst asks for the valid rows; a sentence already present (same case-reference hash) is counted, not added.
 */
@Service
@HubOnly
public class SentenceImport {

    private final Sentences sentences;
    private final CaseKey key;
    private final AuditLog audit;
    private final Clock clock;
    private final org.ishenim.web.PlausibleDates dates;

    SentenceImport(Sentences sentences, CaseKey key, AuditLog audit, Clock clock, org.ishenim.web.PlausibleDates dates) {
        this.dates = dates;
        this.sentences = sentences;
        this.key = key;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ImportReport importFile(Country country, String fileName, byte[] content, boolean importValidRows) {
        return importFile(country, fileName, content, importValidRows, false);
    }

    /** As above; {@code synthetic} marks the rows as made-up demo data, shown as such in the UI. */
    @Transactional
    public ImportReport importFile(Country country, String fileName, byte[] content, boolean importValidRows,
            boolean synthetic) {
        TabularFile file;
        try {
            file = TabularFile.read(fileName, content);
        } catch (TabularFile.Unreadable e) {
            return new ImportReport(0, 0, 0, 0, List.of(new RowError(1, "", "unreadable")), false);
        }
        var check = new SentenceFileCheck(ref -> key.hash(country, ref), dates.past(), synthetic);
        SentenceFileCheck.Result result = check.check(file);
        boolean headerBroken = result.errors().stream().anyMatch(e -> e.line() == 1);
        if (headerBroken || (!result.errors().isEmpty() && !importValidRows)) {
            return new ImportReport(result.rowsRead(), result.valid().size(), 0, 0, result.errors(), false);
        }
        Set<String> existing = sentences.existingHashes(result.valid().stream().map(Sentence::caseHash).toList());
        List<Sentence> fresh = new ArrayList<>();
        for (Sentence s : result.valid()) {
            if (!existing.contains(s.caseHash())) {
                fresh.add(s);
            }
        }
        UUID importId = UUID.randomUUID();
        int rejected = (int) result.errors().stream().mapToInt(RowError::line).distinct().count();
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        sentences.recordImport(importId, country, name.length() > 200 ? name.substring(0, 200) : name,
                CurrentStaff.username(), clock.instant(), fresh.size(), result.valid().size() - fresh.size(), rejected);
        sentences.insertAll(country, fresh, importId);
        audit.record("reform.sentences.import", null, country.code() + ": " + fresh.size() + " added, "
                + (result.valid().size() - fresh.size()) + " already present, " + rejected + " rejected",
                Outcome.SUCCESS);
        return new ImportReport(result.rowsRead(), result.valid().size(), fresh.size(),
                result.valid().size() - fresh.size(), result.errors(), true);
    }
}
