package org.ishenim.indicators.exchange;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The DHIS2 export's settings, {@code ishenim.indicators.dhis2.*} (docs/configuration.md): the instance's base URL
 * (no client without it), the file holding the personal access token, the code mapping (a Spring resource location;
 * WHO's HIV aggregate package by default) and the timeout of one request.
 */
@ConfigurationProperties("ishenim.indicators.dhis2")
record Dhis2Settings(URI baseUrl, Path tokenFile,
        @DefaultValue("classpath:" + Dhis2Mapping.DEFAULT) String mapping,
        @DefaultValue("PT60S") Duration timeout) {
}
