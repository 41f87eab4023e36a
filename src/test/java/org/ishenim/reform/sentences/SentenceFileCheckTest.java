package org.ishenim.reform.sentences;

import org.ishenim.reform.RowError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.ishenim.reform.TabularFile;
import org.junit.jupiter.api.Test;

/** The template's validation, cell by cell, without Spring. */
class SentenceFileCheckTest {

    static final String HEADER = "case_reference,court,region,sentence_date,article,measure,expert_finding,treatment_months,outcome\n";

    final SentenceFileCheck check = new SentenceFileCheck(ref -> "h:" + ref.toUpperCase(java.util.Locale.ROOT), 
            new org.ishenim.web.PlausibleDates.Range(LocalDate.of(1990, 1, 1), LocalDate.of(2024, 1, 1)), false);

    SentenceFileCheck.Result run(String csv) throws Exception {
        return check.check(TabularFile.csv(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSentenceBeforeTheEarliestHistoricalDateIsRefused() throws Exception {
        // finding 10: year 1 was accepted; the range is PlausibleDates.past() (1990-01-01 to today by default)
        var r = run(HEADER + "A-1,Court,Bishkek,0001-01-01,Art. 283,compulsory_treatment,not_diagnosed,12,\n"
                + "A-2,Court,Bishkek,31.12.1989,Art. 283,compulsory_treatment,not_diagnosed,12,\n"
                + "A-3,Court,Bishkek,1990-01-01,Art. 283,compulsory_treatment,not_diagnosed,12,\n");
        assertThat(r.errors()).containsExactly(new RowError(2, "sentence_date", "early_date"),
                new RowError(3, "sentence_date", "early_date"));
        assertThat(r.valid()).hasSize(1);
    }

    @Test
    void aValidFileGivesOneSentencePerRow() throws Exception {
        var r = run(HEADER + "A-1,Court,Bishkek,2023-03-14,Art. 283,compulsory_treatment,not_diagnosed,12,\n"
                + "A-2,Court,Osh,14.03.2023,Art. 284,COMPULSORY_TREATMENT_WITH_PENALTY,dependence_diagnosed,6,completed\n");
        assertThat(r.errors()).isEmpty();
        assertThat(r.valid()).hasSize(2);
        Sentence first = r.valid().get(0);
        assertThat(first.caseHash()).isEqualTo("h:A-1");
        assertThat(first.finding()).isEqualTo(ExpertFinding.NOT_DIAGNOSED);
        assertThat(first.outcome()).isNull();
        assertThat(r.valid().get(1).date()).isEqualTo(LocalDate.of(2023, 3, 14));
        assertThat(r.valid().get(1).measure()).isEqualTo(Measure.COMPULSORY_TREATMENT_WITH_PENALTY);
    }

    @Test
    void everyBadCellIsReportedWithLineColumnAndReason() throws Exception {
        var r = run(HEADER
                + "A-1,Court,Bishkek,2023-02-30,Art. 283,compulsory_treatment,not_diagnosed,12,\n"
                + "A-2,Court,Bishkek,2023-03-01,Art. 283,prison,not_diagnosed,12,\n"
                + "A-3,=cmd|' /C calc'!A0,Bishkek,2023-03-01,Art. 283,compulsory_treatment,not_diagnosed,twelve,\n"
                + "A-4,Court,,2023-03-01,Art. 283,compulsory_treatment,maybe,12,@SUM(1)\n"
                + "A-5,Court,Bishkek,2025-03-01,Art. 283,compulsory_treatment,not_diagnosed,12,+1\n"
                + "A-6,Court,Bishkek,2023-03-01,Art. 283,compulsory_treatment,not_diagnosed,12,-2\n"
                + "A-7,Court,Bishkek,2023-03-01,Art. 283,compulsory_treatment,not_diagnosed,12,fine\n");
        assertThat(r.errors()).containsExactlyInAnyOrder(
                new RowError(2, "sentence_date", "bad_date"),
                new RowError(3, "measure", "unknown_measure"),
                new RowError(4, "court", "formula"),
                new RowError(4, "treatment_months", "not_a_number"),
                new RowError(5, "region", "missing_value"),
                new RowError(5, "expert_finding", "unknown_finding"),
                new RowError(5, "outcome", "formula"),
                new RowError(6, "sentence_date", "future_date"),
                new RowError(6, "outcome", "formula"),
                new RowError(7, "outcome", "formula"));
        assertThat(r.valid()).extracting(Sentence::caseHash).containsExactly("h:A-7");
    }

    @Test
    void aDottedDateThatDoesNotExistIsRefusedNotMoved() throws Exception {
        var r = run(HEADER
                + "D-1,Court,Bishkek,31.02.2020,Art. 283,compulsory_treatment,not_diagnosed,12,\n"
                + "D-2,Court,Bishkek,31.04.2019,Art. 283,compulsory_treatment,not_diagnosed,12,\n"
                + "D-3,Court,Bishkek,29.02.2020,Art. 283,compulsory_treatment,not_diagnosed,12,\n");
        assertThat(r.errors()).containsExactly(new RowError(2, "sentence_date", "bad_date"),
                new RowError(3, "sentence_date", "bad_date"));
        assertThat(r.valid()).extracting(Sentence::date).containsExactly(LocalDate.of(2020, 2, 29));
    }

    @Test
    void aMissingColumnIsReportedOnTheHeaderLine() throws Exception {
        var r = run("case_reference,court,region,article,measure,expert_finding,treatment_months\n"
                + "A-1,Court,Bishkek,Art. 283,compulsory_treatment,not_diagnosed,12\n");
        assertThat(r.errors()).containsExactly(new RowError(1, "sentence_date", "missing_column"));
        assertThat(r.valid()).isEmpty();
    }

    @Test
    void theTemplatesExampleRowsAndRepeatsWithinAFileAreRejected() throws Exception {
        var r = run(HEADER + "EXAMPLE-0001,Court,Bishkek,2023-03-14,Art. 283,compulsory_treatment,not_diagnosed,12,\n"
                + "B-1,Court,Bishkek,2023-03-14,Art. 283,compulsory_treatment,not_diagnosed,12,\n"
                + "b-1 ,Court,Bishkek,2023-03-14,Art. 283,compulsory_treatment,not_diagnosed,12,\n");
        assertThat(r.errors()).containsExactly(new RowError(2, "case_reference", "example_row"),
                new RowError(4, "case_reference", "duplicate_in_file"));
    }

    @Test
    void semicolonSeparatedFilesWithABomAreRead() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String body = HEADER.replace(',', ';') + "A-1;Court;Bishkek;2023-03-14;Art. 283;compulsory_treatment;not_examined;12;\n";
        byte[] all = new byte[bom.length + body.getBytes(StandardCharsets.UTF_8).length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body.getBytes(StandardCharsets.UTF_8), 0, all, 3, all.length - 3);
        var r = check.check(TabularFile.csv(all));
        assertThat(r.errors()).isEmpty();
        assertThat(r.valid()).hasSize(1);
    }

    @Test
    void referencesStartingWithSynMarkMadeUpRows() throws Exception {
        var r = run(HEADER + "SYN-1,Court,Bishkek,2023-03-14,Art. 283,compulsory_treatment,not_diagnosed,12,\n"
                + "K-1,Court,Bishkek,2023-03-14,Art. 283,compulsory_treatment,not_diagnosed,12,\n");
        assertThat(r.valid()).extracting(Sentence::synthetic).containsExactly(true, false);
    }
}
