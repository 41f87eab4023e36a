package org.ishenim.indicators.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The exporters exist on the hub only; a country's mapping file replaces the default; DHIS2 needs a base URL. */
class ExchangeConfigTest {

    final ApplicationContextRunner hub = new ApplicationContextRunner()
            .withUserConfiguration(ExchangeConfig.class)
            .withBean(Clock.class, Clock::systemUTC)
            .withPropertyValues("ishenim.role=hub");

    @Test
    void theHubHasTheExportersWithTheWhoMappingAndNoDhis2ClientUntilConfigured() {
        hub.run(context -> {
            assertThat(context).hasSingleBean(MeasureReports.class).hasSingleBean(AdxExport.class)
                    .hasSingleBean(DataValueSets.class).doesNotHaveBean(Dhis2Client.class);
            assertThat(context.getBean(Dhis2Mapping.class).dataSet()).isEqualTo("HIV_AGG_PREV_YEARLY");
        });
    }

    @Test
    void aClinicHasNone() {
        new ApplicationContextRunner().withUserConfiguration(ExchangeConfig.class)
                .withPropertyValues("ishenim.role=clinic")
                .run(context -> assertThat(context).doesNotHaveBean(Dhis2Mapping.class)
                        .doesNotHaveBean(MeasureReports.class));
    }

    @Test
    void aCountryReplacesTheMappingAndConfiguresDhis2(@TempDir Path dir) throws Exception {
        Path mapping = dir.resolve("dhis2.properties");
        String who = new String(getClass().getClassLoader().getResourceAsStream(Dhis2Mapping.DEFAULT).readAllBytes());
        Files.writeString(mapping, who.replace("data-set=HIV_AGG_PREV_YEARLY", "data-set=KG_OAT_YEARLY"));
        Path token = Files.writeString(dir.resolve("token"), "d2pat_x");

        hub.withPropertyValues("ishenim.indicators.dhis2.mapping=file:" + mapping,
                "ishenim.indicators.dhis2.base-url=https://dhis2.example.org", "ishenim.indicators.dhis2.token-file="
                        + token)
                .run(context -> {
                    assertThat(context.getBean(Dhis2Mapping.class).dataSet()).isEqualTo("KG_OAT_YEARLY");
                    assertThat(context).hasSingleBean(Dhis2Client.class);
                });
    }
}
