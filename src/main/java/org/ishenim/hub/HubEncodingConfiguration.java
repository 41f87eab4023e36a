package org.ishenim.hub;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ishenim.linkage.ConfiguredEncoding;
import org.ishenim.linkage.EncodingConfiguration;
import org.ishenim.web.HubOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The encoding configuration this hub accepts: the same {@code ishenim.linkage.schema} and
 * {@code ishenim.linkage.encoding} as the clinics (the hub has no secret, and needs none: the configuration and its
 * fingerprint are public). It sets what the hub expects of an encoding unless overridden: its length
 * ({@code ishenim.hub.clk-bits}), its fill ({@code ishenim.hub.clk-fill-min}/{@code -max}); the threshold follows it
 * in {@link HubEncodings}. Every upload and query must name it in the {@value #HEADER} header; another
 * configuration, or none, is refused before anything is read or stored.
 */
@Component
@HubOnly
class HubEncodingConfiguration {

    static final String HEADER = "Ishenim-Encoding";

    private static final Logger log = LoggerFactory.getLogger(HubEncodingConfiguration.class);
    private static final Pattern FINGERPRINT = Pattern.compile("(?:^|;)\\s*fingerprint=([0-9a-f]{32})\\s*(?:;|$)");

    private final ConfiguredEncoding expected;
    private final Map<String, EncodingConfiguration> known;
    private final int bits;
    private final ClkShape shape;
    private final double threshold;

    HubEncodingConfiguration(@Value("${ishenim.linkage.schema:clinic}") String schema,
            @Value("${ishenim.linkage.encoding:}") String encoding,
            @Value("${ishenim.linkage.salt:}") String deprecatedSalt,
            @Value("${ishenim.hub.clk-bits:}") String bits,
            @Value("${ishenim.hub.clk-fill-min:}") String minFill,
            @Value("${ishenim.hub.clk-fill-max:}") String maxFill,
            @Value("${ishenim.hub.threshold:}") String threshold) {
        this.expected = ConfiguredEncoding.of(schema, EncodingConfiguration.resolve(encoding, deprecatedSalt));
        this.known = Arrays.stream(EncodingConfiguration.values()).collect(Collectors.toMap(
                c -> ConfiguredEncoding.of(schema, c).fingerprint(), Function.identity(), (a, b) -> a));
        this.bits = bits.isBlank() ? expected.bits() : Integer.parseInt(bits.strip());
        if (this.bits != expected.bits()) {
            log.warn("ishenim.hub.clk-bits ({}) differs from the length of encoding configuration {} ({})", this.bits,
                    expected.configuration().id(), expected.bits());
        }
        var defaults = expected.configuration().shape();
        this.shape = new ClkShape(minFill.isBlank() ? defaults.minFill() : Double.parseDouble(minFill.strip()),
                maxFill.isBlank() ? defaults.maxFill() : Double.parseDouble(maxFill.strip()));
        this.threshold = threshold.isBlank() ? expected.configuration().threshold() : Double.parseDouble(threshold.strip());
        log.info("Hub accepts encodings of configuration {}", expected.label());
    }

    ConfiguredEncoding expected() {
        return expected;
    }

    int bits() {
        return bits;
    }

    ClkShape shape() {
        return shape;
    }

    /** The matching threshold: {@code ishenim.hub.threshold}, or the configuration's own. */
    double threshold() {
        return threshold;
    }

    /** Refuses a request whose {@value #HEADER} header does not carry this hub's fingerprint. */
    void require(String header) {
        String received = Optional.ofNullable(header).map(FINGERPRINT::matcher).filter(java.util.regex.Matcher::find)
                .map(m -> m.group(1)).orElse(null);
        if (!expected.fingerprint().equals(received)) {
            throw new EncodingMismatchException(expected, received,
                    received == null ? null : known.get(received));
        }
    }
}
