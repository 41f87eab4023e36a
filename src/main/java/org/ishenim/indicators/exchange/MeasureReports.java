package org.ishenim.indicators.exchange;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.MeasureReport.MeasureReportGroupComponent;
import org.hl7.fhir.r4.model.MeasureReport.MeasureReportGroupStratifierComponent;
import org.hl7.fhir.r4.model.MeasureReport.MeasureReportStatus;
import org.hl7.fhir.r4.model.MeasureReport.MeasureReportType;
import org.hl7.fhir.r4.model.MeasureReport.StratifierGroupComponent;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * FHIR R4 MeasureReports of an {@link IndicatorSet}, one per indicator and period: a summary report against WHO's
 * canonical measure, its numerator and denominator populations for the total, and one stratifier (sex × age band)
 * with a stratum per cell. A suppressed count is an {@code integer} with no value and the data-absent-reason
 * extension {@code masked}, so the stratum is there and says why its count is not.
 */
public final class MeasureReports {

    static final String DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
    static final String POPULATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/measure-population";
    static final String GENDER_SYSTEM = "http://hl7.org/fhir/administrative-gender";
    /** The system of the reporter's identifier: the organisation unit's code, as in DHIS2 and ADX. */
    static final String ORG_UNIT_SYSTEM = "urn:ishenim:org-unit";

    private final FhirContext fhir = FhirContext.forR4Cached();
    private final int minCell;
    private final Clock clock;

    public MeasureReports(int minCell, Clock clock) {
        this.minCell = minCell;
        this.clock = clock;
    }

    /** The MeasureReports of every indicator the set holds, as pretty-printed JSON. */
    public List<MeasureReportFile> export(IndicatorSet set) {
        DisclosureCheck.requireProtected(set, minCell);
        List<MeasureReportFile> files = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            if (set.of(indicator).isEmpty()) {
                continue;
            }
            MeasureReport report = report(set, indicator);
            String json = fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(report);
            files.add(new MeasureReportFile(indicator, report.getIdElement().getIdPart() + ".json", json));
        }
        return List.copyOf(files);
    }

    /** One indicator's report (the set must already have passed {@link DisclosureCheck}). */
    MeasureReport report(IndicatorSet set, Indicator indicator) {
        MeasureReport report = new MeasureReport();
        report.setId(indicator.name().replace("_", "") + "-" + set.orgUnit() + "-" + set.period().dhis2Id());
        report.setStatus(MeasureReportStatus.COMPLETE);
        report.setType(MeasureReportType.SUMMARY);
        report.setMeasure(indicator.canonicalUrl());
        report.setDateElement(new DateTimeType(clock.instant().truncatedTo(ChronoUnit.SECONDS).toString()));
        report.setPeriod(new Period().setStartElement(date(set.period().start()))
                .setEndElement(date(set.period().lastDay())));
        report.setReporter(new Reference().setIdentifier(
                new org.hl7.fhir.r4.model.Identifier().setSystem(ORG_UNIT_SYSTEM).setValue(set.orgUnit())));

        MeasureReportGroupComponent group = report.addGroup();
        group.setCode(new CodeableConcept().setText(indicator.code() + " " + indicator.title()));
        MeasureReportGroupStratifierComponent stratifier = null;
        for (IndicatorValue value : set.of(indicator)) {
            if (value.disaggregation().isTotal()) {
                group.addPopulation().setCode(population("numerator")).setCountElement(count(value.numerator()));
                if (value.denominator() != null) {
                    group.addPopulation().setCode(population("denominator"))
                            .setCountElement(count(value.denominator()));
                }
                score(value).ifPresent(group::setMeasureScore);
                continue;
            }
            if (stratifier == null) {
                stratifier = group.addStratifier();
                stratifier.addCode(new CodeableConcept().setText("sex and age band"));
            }
            StratifierGroupComponent stratum = stratifier.addStratum();
            Disaggregation cell = value.disaggregation();
            stratum.addComponent().setCode(new CodeableConcept().setText("sex"))
                    .setValue(new CodeableConcept().addCoding(new Coding(GENDER_SYSTEM, gender(cell.sex()), null)));
            stratum.addComponent().setCode(new CodeableConcept().setText("age band"))
                    .setValue(new CodeableConcept().setText(
                            cell.age() == Disaggregation.AgeBand.UNDER_25 ? "<25" : "25+"));
            stratum.addPopulation().setCode(population("numerator")).setCountElement(count(value.numerator()));
            if (value.denominator() != null) {
                stratum.addPopulation().setCode(population("denominator")).setCountElement(count(value.denominator()));
            }
            score(value).ifPresent(stratum::setMeasureScore);
        }
        return report;
    }

    private static DateTimeType date(LocalDate day) {
        return new DateTimeType(day.toString());
    }

    private static CodeableConcept population(String code) {
        return new CodeableConcept().addCoding(new Coding(POPULATION_SYSTEM, code, null));
    }

    /** A published count, or an integer with no value that says it was masked. */
    private static IntegerType count(Cell cell) {
        if (cell.suppressed()) {
            IntegerType masked = new IntegerType();
            masked.addExtension(DATA_ABSENT_REASON, new CodeType("masked"));
            return masked;
        }
        return new IntegerType(Math.toIntExact(cell.count().getAsLong()));
    }

    /** numerator / denominator, when both are published and the denominator is not 0. */
    private static java.util.Optional<Quantity> score(IndicatorValue value) {
        if (value.denominator() == null || value.numerator().suppressed() || value.denominator().suppressed()
                || value.denominator().count().getAsLong() == 0) {
            return java.util.Optional.empty();
        }
        BigDecimal ratio = BigDecimal.valueOf(value.numerator().count().getAsLong())
                .divide(BigDecimal.valueOf(value.denominator().count().getAsLong()), 4, RoundingMode.HALF_UP);
        return java.util.Optional.of(new Quantity().setValue(ratio));
    }

    private static String gender(Disaggregation.Sex sex) {
        return switch (sex) {
            case F -> "female";
            case M -> "male";
            case OTHER -> "other";
        };
    }
}
