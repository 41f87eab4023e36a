package org.ishenim.reform.guidelines;

import java.util.List;
import org.ishenim.reform.Country;
import org.ishenim.web.HubOnly;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A country's standing on every recommendation of the Guidelines, from the provisions mapped to them. */
@Service
@HubOnly
public class ComplianceReport {

    private final Recommendations recommendations;
    private final Provisions provisions;

    ComplianceReport(Recommendations recommendations, Provisions provisions) {
        this.recommendations = recommendations;
        this.provisions = provisions;
    }

    /** The country's standing on every recommendation, in the Guidelines' order. */
    @Transactional(readOnly = true)
    public List<Compliance> of(Country country) {
        return Compliance.of(recommendations.recommendations(), provisions.of(country));
    }
}
