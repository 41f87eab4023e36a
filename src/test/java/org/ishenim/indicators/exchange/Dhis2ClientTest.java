package org.ishenim.indicators.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ishenim.indicators.exchange.Dhis2Client.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * The DHIS2 client against {@link Dhis2Stub}, a local server that checks what DHIS2's Web API documentation requires:
 * dry runs before any write, codes as identifiers, a cell suppressed now deleted there, nothing written after a
 * refused dry run, and the token in no log line and no exception.
 */
@ExtendWith(OutputCaptureExtension.class)
class Dhis2ClientTest {

    static final String TOKEN = "d2pat_5xVA12xyUbWNedQxy4ohH77WlxRGVvZZ1151814092";

    final Dhis2Mapping mapping = Dhis2Mapping.whoHivAggregatePackage();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    @TempDir
    Path dir;
    Path tokenFile;
    Dhis2Stub dhis2;

    @BeforeEach
    void start() throws Exception {
        tokenFile = dir.resolve("dhis2.token");
        Files.writeString(tokenFile, TOKEN + "\n");
        Set<String> elements = new HashSet<>(mapping.numerators().values());
        elements.addAll(mapping.denominators().values());
        dhis2 = new Dhis2Stub(TOKEN, elements, new HashSet<>(mapping.optionCombos().values()), Set.of("KG"));
    }

    @AfterEach
    void stop() {
        dhis2.close();
    }

    Dhis2Client client(Dhis2Mapping mapping) {
        return new Dhis2Client(dhis2.baseUrl(), tokenFile, http, new DataValueSets(mapping, SampleSets.MIN_CELL),
                Duration.ofSeconds(30));
    }

    @Test
    void dryRunsComeFirstThenTheValuesAreImportedByCode() {
        List<Dhis2Client.StepResult> results = client(mapping).send(SampleSets.kyrgyzstan2026());

        assertThat(dhis2.received).extracting(r -> r.query().get("dryRun") + " " + r.query().get("importStrategy"))
                .containsExactly("true CREATE_AND_UPDATE", "true DELETE", "false CREATE_AND_UPDATE", "false DELETE");
        assertThat(dhis2.received).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/dhis/api/dataValueSets");
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(r.query()).containsEntry("idScheme", "CODE");
        });
        assertThat(results).extracting(Dhis2Client.StepResult::step).containsExactly(Step.values());
        assertThat(results.get(2).imported()).isEqualTo(15);
        assertThat(dhis2.stored).containsEntry(Dhis2Stub.key("HIV_OAMT", "2026", "KG", "0_24_YEARS_MALE"), "45")
                .containsEntry(Dhis2Stub.key("HIV_OAMT_ACCESS", "2026", "KG", "25_MORE_YEARS_MALE"), "440")
                .containsEntry(Dhis2Stub.key("HIV_OAMT_TIME", "2026", "KG", "25_MORE_YEARS_MALE"), "61020")
                .containsEntry(Dhis2Stub.key("HIV_OAMT", "2026", "KG", "0_24_YEARS_OTHER"), "0");
        assertThat(dhis2.stored).hasSize(15);
    }

    @Test
    void noValueFromOneToMinCellMinusOneReachesDhis2AndTotalsAreNotSentUnlessMapped() {
        client(mapping).send(SampleSets.kyrgyzstan2026());

        for (Dhis2Stub.Received request : dhis2.received) {
            for (JsonNode value : request.body().path("dataValues")) {
                assertThat(value.path("categoryOptionCombo").asString()).isNotBlank();
                if (value.has("value")) {
                    long count = Long.parseLong(value.path("value").asString());
                    assertThat(count == 0 || count >= SampleSets.MIN_CELL).as(value.toString()).isTrue();
                }
            }
        }
        assertThat(dhis2.stored.keySet()).noneMatch(k -> k.endsWith("|"));
    }

    @Test
    void aCellThatBecameSuppressedIsDeletedInDhis2() {
        String femaleUnder25 = Dhis2Stub.key("HIV_OAMT", "2026", "KG", "0_24_YEARS_FEMALE");
        String maleUnder25Retained = Dhis2Stub.key("HIV_OAMT_RTT", "2026", "KG", "0_24_YEARS_MALE");
        dhis2.stored.put(femaleUnder25, "12");
        dhis2.stored.put(maleUnder25Retained, "11");

        List<Dhis2Client.StepResult> results = client(mapping).send(SampleSets.kyrgyzstan2026());

        assertThat(dhis2.stored).doesNotContainKeys(femaleUnder25, maleUnder25Retained);
        assertThat(results.get(3).deleted()).isEqualTo(2);
        JsonNode deletions = dhis2.received.get(3).body().path("dataValues");
        assertThat(deletions).allSatisfy(v -> assertThat(v.has("value")).isFalse());
    }

    @Test
    void severalUnitsGoInOneImportAndAnUnknownOneStopsThemAllAtTheDryRun() {
        IndicatorSet kg = SampleSets.kyrgyzstan2026();
        IndicatorSet chui = new IndicatorSet(kg.period(), "chui", kg.values());

        assertThatThrownBy(() -> client(mapping).send(List.of(kg, chui))).isInstanceOf(Dhis2ImportException.class)
                .satisfies(e -> {
                    Dhis2ImportException d = (Dhis2ImportException) e;
                    assertThat(d.reason()).isEqualTo(Dhis2ImportException.Reason.REFUSED);
                    assertThat(d.step()).isEqualTo(Step.DRY_RUN_VALUES);
                    assertThat(d.conflicts()).isEqualTo(15);
                    assertThat(d.partlyWritten()).isFalse();
                });
        assertThat(dhis2.received).hasSize(1);
        assertThat(dhis2.stored).as("KG, known, is not written either").isEmpty();
        JsonNode body = dhis2.received.get(0).body();
        assertThat(body.has("orgUnit")).as("each value names its unit").isFalse();
        assertThat(body.path("dataValues")).extracting(v -> v.path("orgUnit").asString()).containsOnly("KG", "chui");
    }

    @Test
    void setsOfDifferentPeriodsAreNotSentTogether() {
        IndicatorSet year = SampleSets.kyrgyzstan2026();
        IndicatorSet month = new IndicatorSet(ReportingPeriod.month(java.time.YearMonth.of(2026, 3)), "KG",
                year.values());

        assertThatThrownBy(() -> client(mapping).send(List.of(year, month)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dhis2.received).isEmpty();
    }

    @Test
    void aConflictInTheDryRunWritesNothing() throws Exception {
        String custom = new String(getClass().getClassLoader().getResourceAsStream(Dhis2Mapping.DEFAULT)
                .readAllBytes(), StandardCharsets.UTF_8).replace("=HIV_OAMT_TIME", "=NOT_IN_THIS_INSTANCE");
        Dhis2Mapping unknownElement = Dhis2Mapping.read(new ByteArrayInputStream(custom.getBytes(
                StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> client(unknownElement).send(SampleSets.kyrgyzstan2026()))
                .isInstanceOf(Dhis2ImportException.class)
                .hasMessageContaining("DRY_RUN_VALUES").hasMessageContaining("2 conflicts")
                .hasMessageContaining("Nothing was imported");
        assertThat(dhis2.received).hasSize(1);
        assertThat(dhis2.stored).isEmpty();
    }

    @Test
    void aRefusedTokenIsInNoExceptionAndNoLogLine(CapturedOutput output) throws Exception {
        Files.writeString(tokenFile, TOKEN.replace('5', '6'));

        assertThatThrownBy(() -> client(mapping).send(SampleSets.kyrgyzstan2026()))
                .isInstanceOf(Dhis2ImportException.class).hasMessageContaining("HTTP 401")
                .satisfies(e -> assertThat(e.toString()).doesNotContain(TOKEN.replace('5', '6'), "d2pat"));
        assertThat(output.getAll()).doesNotContain("d2pat");
        assertThat(dhis2.stored).isEmpty();
    }

    @Test
    void theTokenIsInNoLogLineOfASuccessfulImport(CapturedOutput output) {
        client(mapping).send(SampleSets.kyrgyzstan2026());

        assertThat(output.getAll()).contains("DHIS2 VALUES: HTTP 200").doesNotContain("d2pat");
    }

    @Test
    void aTokenFileWithALineBreakInsideIsRefusedWithoutQuotingIt() throws Exception {
        Files.writeString(tokenFile, "d2pat_first\nX-Injected: d2pat_second");

        assertThatThrownBy(() -> client(mapping).send(SampleSets.kyrgyzstan2026()))
                .isInstanceOf(Dhis2ImportException.class)
                .satisfies(e -> assertThat(e.toString()).doesNotContain("d2pat"));
        assertThat(dhis2.received).isEmpty();
    }

    @Test
    void aCountBelowTheSmallestCellIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> client(mapping).send(SampleSets.withSmallCell()))
                .isInstanceOf(UnprotectedCellException.class);
        assertThat(dhis2.received).isEmpty();
    }

    @Test
    void anUnreachableDhis2IsReportedWithoutTheToken() {
        dhis2.close();

        assertThatThrownBy(() -> client(mapping).send(SampleSets.kyrgyzstan2026()))
                .isInstanceOf(Dhis2ImportException.class).hasMessageContaining("could not be reached")
                .satisfies(e -> assertThat(e.toString()).doesNotContain("d2pat"));
    }
}
