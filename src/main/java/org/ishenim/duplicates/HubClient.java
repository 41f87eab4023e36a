package org.ishenim.duplicates;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ishenim.linkage.Clk;
import org.ishenim.linkage.ConfiguredEncoding;
import org.ishenim.web.ClinicOnly;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Calls the hub's site API with the site token. Sends a random reference and an encoding, nothing else.
 * {@link ClientHttpRequestInterceptor} beans in the context see every request (tests use one to prove that the
 * secret and the identity never leave the clinic).
 */
@Component
@ClinicOnly
class HubClient {

    record Found(String site, String reference, boolean sameSite) {
    }

    record Answer(List<Found> candidates) {
    }

    /** The hub could not be reached or refused the call; the outbox retries later. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    /** The header that names the encoding configuration of every upload and query (docs/hub.md). */
    static final String ENCODING_HEADER = "Ishenim-Encoding";

    private final HubConnection connection;
    private final ConfiguredEncoding encoding;
    private final HubMismatch mismatch;
    private final RestClient rest;

    HubClient(HubConnection connection, ClinicEncoder encoder, HubMismatch mismatch,
            ObjectProvider<ClientHttpRequestInterceptor> interceptors) {
        this.connection = connection;
        this.encoding = encoder.configuration();
        this.mismatch = mismatch;
        this.rest = HubConnection.client(Duration.ofSeconds(15), interceptors);
    }

    /** Uploads (or replaces) the encoding, then asks for candidates other than this record. */
    List<Found> check(String reference, Clk clk) {
        String encoded = clk.toBase64();
        call(() -> rest.put().uri(connection.url() + "/api/v1/hub/encodings/{reference}", reference)
                .header("Authorization", "Bearer " + connection.token()).header(ENCODING_HEADER, header())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("clk", encoded)).retrieve().toBodilessEntity());
        Answer answer = call(() -> rest.post().uri(connection.url() + "/api/v1/hub/queries")
                .header("Authorization", "Bearer " + connection.token()).header(ENCODING_HEADER, header())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("clk", encoded, "reference", reference))
                .retrieve().body(Answer.class));
        mismatch.accepted();
        return answer == null || answer.candidates() == null ? List.of() : answer.candidates();
    }

    void delete(String reference) {
        call(() -> rest.delete().uri(connection.url() + "/api/v1/hub/encodings/{reference}", reference)
                .header("Authorization", "Bearer " + connection.token()).retrieve().toBodilessEntity());
    }

    /** {@code <configuration>; fingerprint=<hex>}: the hub compares the fingerprint, the name is for people. */
    private String header() {
        return encoding.configuration().id() + "; fingerprint=" + encoding.fingerprint();
    }

    private <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (org.springframework.web.client.HttpStatusCodeException e) {
            if (e.getStatusCode().value() == 409 && mismatch.recordIfMismatch(e.getResponseBodyAsString(),
                    encoding.configuration().id(), encoding.fingerprint())) {
                throw new Unavailable("hub expects another encoding configuration");
            }
            throw new Unavailable("hub answered " + e.getStatusCode().value());
        } catch (RestClientException | java.io.UncheckedIOException e) {
            throw new Unavailable("hub unreachable: " + e.getClass().getSimpleName());
        }
    }
}
