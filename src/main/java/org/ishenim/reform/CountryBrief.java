package org.ishenim.reform;

import java.time.LocalDate;
import java.util.List;
import org.ishenim.reform.guidelines.Compliance;
import org.ishenim.reform.registry.Registry;
import org.ishenim.reform.sentences.SentenceFigures;
import org.ishenim.reform.visits.Commitment;

/**
 * Everything the country page, the PDF brief and the CSV export show: the sentence trend and the latest year's
 * figures, the registry against OAT, compliance with the Guidelines, and the open commitments.
 */
record CountryBrief(Country country, LocalDate today, SentenceFigures.Analysis sentences,
        List<Registry.YearTotal> registry, List<Compliance> compliance, List<Commitment> openCommitments,
        boolean synthetic) {

    public long overdue() {
        return openCommitments.stream().filter(c -> c.overdue(today)).count();
    }

    public long count(Compliance.Level level) {
        return compliance.stream().filter(c -> c.level() == level).count();
    }
}
