package org.ishenim.indicators.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.MeasureReport.StratifierGroupComponent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;

/**
 * Every exported MeasureReport passes the HL7 FHIR instance validator (HAPI's validation modules) with no error; a
 * suppressed cell is a stratum whose count carries no value, only the data-absent-reason "masked"; a count from 1 to
 * min-cell − 1 is refused before anything is written.
 */
class MeasureReportsTest {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    static FhirValidator validator;

    final MeasureReports reports = new MeasureReports(SampleSets.MIN_CELL,
            Clock.fixed(Instant.parse("2027-01-15T08:00:00Z"), ZoneOffset.UTC));

    @BeforeAll
    static void validator() {
        ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR),
                new InMemoryTerminologyServerValidationSupport(FHIR), new CommonCodeSystemsTerminologyService(FHIR),
                new SnapshotGeneratingValidationSupport(FHIR));
        validator = FHIR.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(support));
    }

    @Test
    void everyMeasureReportPassesTheFhirValidatorWithNoError() {
        List<MeasureReportFile> files = reports.export(SampleSets.kyrgyzstan2026());

        assertThat(files).extracting(MeasureReportFile::indicator).containsExactly(Indicator.values());
        for (MeasureReportFile file : files) {
            ValidationResult result = validator.validateWithResult(file.json());
            List<SingleValidationMessage> errors = result.getMessages().stream()
                    .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()).toList();
            assertThat(errors).as(file.fileName() + "\n" + file.json()).isEmpty();
            result.getMessages().forEach(m -> System.out.println(file.fileName() + " " + m.getSeverity() + " "
                    + m.getLocationString() + " " + m.getMessage()));
        }
    }

    /** Positive control: the validator does report errors, here a report without its required status and type. */
    @Test
    void theValidatorFindsAnErrorInABrokenReport() {
        MeasureReport broken = parse(reports.export(SampleSets.kyrgyzstan2026()).get(0));
        broken.setStatus(null);
        broken.setType(null);

        ValidationResult result = validator.validateWithResult(broken);

        assertThat(result.getMessages()).anyMatch(m -> m.getSeverity() == ResultSeverityEnum.ERROR);
    }

    @Test
    void aReportIsASummaryAgainstWhosMeasureWithTotalsAndOneStratumPerCell() {
        MeasureReport report = parse(reports.export(SampleSets.kyrgyzstan2026()).get(0));

        assertThat(report.getMeasure()).isEqualTo("http://smart.who.int/hiv/Measure/HIVIND11");
        assertThat(report.getType()).isEqualTo(MeasureReport.MeasureReportType.SUMMARY);
        assertThat(report.getStatus()).isEqualTo(MeasureReport.MeasureReportStatus.COMPLETE);
        assertThat(report.getPeriod().getStartElement().getValueAsString()).isEqualTo("2026-01-01");
        assertThat(report.getPeriod().getEndElement().getValueAsString()).isEqualTo("2026-12-31");
        assertThat(report.getReporter().getIdentifier().getValue()).isEqualTo("KG");
        var group = report.getGroupFirstRep();
        assertThat(group.getPopulation()).extracting(p -> p.getCode().getCodingFirstRep().getCode() + "=" + p.getCount())
                .containsExactly("numerator=240", "denominator=600");
        assertThat(group.getMeasureScore().getValue()).isEqualByComparingTo("0.4000");
        assertThat(group.getStratifierFirstRep().getStratum()).hasSize(6);
    }

    @Test
    void aSuppressedCellIsAStratumWithNoCountAndTheMaskedReason() {
        MeasureReportFile file = reports.export(SampleSets.kyrgyzstan2026()).get(0);
        StratifierGroupComponent femaleUnder25 = parse(file).getGroupFirstRep().getStratifierFirstRep().getStratum()
                .get(0);

        assertThat(femaleUnder25.getComponent().get(0).getValue().getCodingFirstRep().getCode()).isEqualTo("female");
        assertThat(femaleUnder25.getComponent().get(1).getValue().getText()).isEqualTo("<25");
        for (var population : femaleUnder25.getPopulation()) {
            IntegerType count = population.getCountElement();
            assertThat(count.hasValue()).isFalse();
            assertThat(count.getExtensionByUrl(MeasureReports.DATA_ABSENT_REASON).getValue().primitiveValue())
                    .isEqualTo("masked");
        }
        assertThat(femaleUnder25.hasMeasureScore()).isFalse();
        assertThat(file.json()).contains("\"_count\"");
    }

    @Test
    void aCountBelowTheSmallestCellIsRefusedAndNotQuoted() {
        assertThatThrownBy(() -> reports.export(SampleSets.withSmallCell()))
                .isInstanceOf(UnprotectedCellException.class)
                .hasMessageContaining("HIV.IND.14 numerator (M <25)")
                .hasMessageNotContaining("5 ");
    }

    @Test
    void aZeroIsPublished() {
        var stratum = parse(reports.export(SampleSets.kyrgyzstan2026()).get(0)).getGroupFirstRep()
                .getStratifierFirstRep().getStratum().get(4);
        assertThat(stratum.getComponent().get(0).getValue().getCodingFirstRep().getCode()).isEqualTo("other");
        assertThat(stratum.getPopulationFirstRep().getCount()).isZero();
    }

    private static MeasureReport parse(MeasureReportFile file) {
        return FHIR.newJsonParser().parseResource(MeasureReport.class, file.json());
    }
}
