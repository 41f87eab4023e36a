package org.ishenim.indicators.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.ishenim.web.HubOnly;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * The exporters on the hub, with the smallest published count ({@code ishenim.indicators.min-cell}, default 11) and
 * the DHIS2 mapping; the DHIS2 client only when {@code ishenim.indicators.dhis2.base-url} is set.
 */
@Configuration
@HubOnly
@EnableConfigurationProperties(Dhis2Settings.class)
class ExchangeConfig {

    private final int minCell;

    ExchangeConfig(@Value("${ishenim.indicators.min-cell:11}") int minCell) {
        this.minCell = minCell;
    }

    @Bean
    Dhis2Mapping dhis2Mapping(Dhis2Settings settings, ResourceLoader resources) throws IOException {
        try (InputStream in = resources.getResource(settings.mapping()).getInputStream()) {
            return Dhis2Mapping.read(in);
        }
    }

    @Bean
    MeasureReports measureReports(Clock clock) {
        return new MeasureReports(minCell, clock);
    }

    @Bean
    AdxExport adxExport(Dhis2Mapping mapping, Clock clock) {
        return new AdxExport(mapping, minCell, clock);
    }

    @Bean
    DataValueSets dataValueSets(Dhis2Mapping mapping) {
        return new DataValueSets(mapping, minCell);
    }

    @Bean
    @ConditionalOnProperty("ishenim.indicators.dhis2.base-url")
    Dhis2Client dhis2Client(Dhis2Settings settings, DataValueSets sets) {
        if (settings.tokenFile() == null) {
            throw new IllegalStateException("ishenim.indicators.dhis2.token-file is needed with a DHIS2 base URL.");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new Dhis2Client(settings.baseUrl(), settings.tokenFile(), http, sets, settings.timeout());
    }
}
