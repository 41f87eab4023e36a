package org.ishenim.reform;

import org.ishenim.reform.guidelines.ComplianceReport;
import org.ishenim.reform.registry.Registry;
import org.ishenim.reform.sentences.SentenceFigures;
import org.ishenim.reform.visits.Visits;
import org.ishenim.web.HubOnly;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Puts a country's brief together from the sentences, the registry, the Guidelines tracker and the visits. */
@Service
@HubOnly
class CountryBriefs {

    private final SentenceFigures sentences;
    private final Registry registry;
    private final ComplianceReport compliance;
    private final Visits visits;

    CountryBriefs(SentenceFigures sentences, Registry registry, ComplianceReport compliance, Visits visits) {
        this.sentences = sentences;
        this.registry = registry;
        this.compliance = compliance;
        this.visits = visits;
    }

    /** The brief for the latest year with sentences (the trend covers all years). */
    @Transactional(readOnly = true)
    CountryBrief brief(Country country) {
        return brief(country, null);
    }

    /** The brief with the sentence figures of {@code year}, or of the latest year when null. */
    @Transactional(readOnly = true)
    CountryBrief brief(Country country, Integer chosenYear) {
        Integer year = chosenYear != null ? chosenYear : sentences.latestYear(country);
        var analysis = sentences.analyse(country, year);
        return new CountryBrief(country, visits.today(), analysis, registry.trend(country),
                compliance.of(country), visits.openCommitments(country),
                analysis.synthetic() || registry.anySynthetic(country));
    }
}
