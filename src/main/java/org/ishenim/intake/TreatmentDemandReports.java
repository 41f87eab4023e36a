package org.ishenim.intake;

import java.time.LocalDate;
import java.time.Year;
import org.ishenim.web.ClinicOnly;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The treatment-demand counts for the clinic's monthly report to the hub (module {@code indicators}): the year to
 * date, as the clinic's yearly table counts them, aggregates only. Audited as a report ({@code report.treatment-demand}).
 */
@Service
@ClinicOnly
public class TreatmentDemandReports {

    private final TreatmentEntries entries;

    TreatmentDemandReports(TreatmentEntries entries) {
        this.entries = entries;
    }

    /** People entering treatment from 1 January of {@code through}'s year to {@code through}, each once. */
    @Transactional
    public DemandFigures yearToDate(LocalDate through) {
        return DemandFigures.of(through, entries.demand(Year.from(through), through));
    }
}
