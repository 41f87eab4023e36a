package org.ishenim.indicators;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ishenim.duplicates.HubConnection;
import org.ishenim.web.ClinicOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Asks the hub, with the site token, which of this clinic's references are counted at another site
 * ({@code GET /api/v1/hub/counted-elsewhere}). The request carries nothing but the token. An unconfigured or
 * unreachable hub, a refusal, or an answer that is not exactly {@code {"asOf": instant, "references": [...]}} gives
 * nothing: the report is then frozen with its exclusions marked unavailable.
 */
@Component
@ClinicOnly
class CountedElsewhereClient {

    private static final Logger log = LoggerFactory.getLogger(CountedElsewhereClient.class);
    private static final Pattern REFERENCE = Pattern.compile("[0-9a-f]{32}");
    /** Far more references than any clinic holds. */
    static final int MAX_REFERENCES = 1_000_000;

    private final HubConnection connection;
    private final RestClient rest;

    CountedElsewhereClient(HubConnection connection, ObjectProvider<ClientHttpRequestInterceptor> interceptors) {
        this.connection = connection;
        this.rest = HubConnection.client(Duration.ofSeconds(60), interceptors);
    }

    Optional<CountedElsewhere.HubList> fetch() {
        if (!connection.configured()) {
            return Optional.empty();
        }
        JsonNode body;
        try {
            body = rest.get().uri(connection.url() + "/api/v1/hub/counted-elsewhere")
                    .header("Authorization", "Bearer " + connection.token()).retrieve().body(JsonNode.class);
        } catch (RuntimeException e) {
            log.warn("Counted-elsewhere list not fetched ({}); the report is frozen without exclusions",
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
        Optional<CountedElsewhere.HubList> list = read(body);
        if (list.isEmpty()) {
            log.warn("Counted-elsewhere list from the hub is not a list of references; ignored");
        }
        return list;
    }

    /** The answer, strictly: exactly the two fields, an instant and a list of references (lower-case hex, 32). */
    static Optional<CountedElsewhere.HubList> read(JsonNode body) {
        if (body == null || !body.isObject() || body.size() != 2 || !body.has("asOf") || !body.has("references")) {
            return Optional.empty();
        }
        JsonNode asOf = body.get("asOf");
        JsonNode refs = body.get("references");
        if (!asOf.isString() || !refs.isArray() || refs.size() > MAX_REFERENCES) {
            return Optional.empty();
        }
        List<String> references = new ArrayList<>(refs.size());
        for (JsonNode r : refs) {
            if (!r.isString() || !REFERENCE.matcher(r.stringValue()).matches()) {
                return Optional.empty();
            }
            references.add(r.stringValue());
        }
        try {
            return Optional.of(new CountedElsewhere.HubList(Instant.parse(asOf.stringValue()), references));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
