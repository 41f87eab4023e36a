package org.ishenim.duplicates;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ishenim.linkage.Clk;
import org.ishenim.web.ClinicOnly;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
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

    private final HubConnection connection;
    private final RestClient rest;

    HubClient(HubConnection connection, ObjectProvider<ClientHttpRequestInterceptor> interceptors) {
        this.connection = connection;
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build());
        factory.setReadTimeout(Duration.ofSeconds(15));
        this.rest = RestClient.builder().requestFactory(factory)
                .requestInterceptors(list -> interceptors.orderedStream().forEach(list::add))
                .build();
    }

    /** Uploads (or replaces) the encoding, then asks for candidates other than this record. */
    List<Found> check(String reference, Clk clk) {
        String encoded = clk.toBase64();
        call(() -> rest.put().uri(connection.url() + "/api/v1/hub/encodings/{reference}", reference)
                .header("Authorization", "Bearer " + connection.token()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("clk", encoded)).retrieve().toBodilessEntity());
        Answer answer = call(() -> rest.post().uri(connection.url() + "/api/v1/hub/queries")
                .header("Authorization", "Bearer " + connection.token()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("clk", encoded, "reference", reference)).retrieve().body(Answer.class));
        return answer == null || answer.candidates() == null ? List.of() : answer.candidates();
    }

    void delete(String reference) {
        call(() -> rest.delete().uri(connection.url() + "/api/v1/hub/encodings/{reference}", reference)
                .header("Authorization", "Bearer " + connection.token()).retrieve().toBodilessEntity());
    }

    private static <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (org.springframework.web.client.HttpStatusCodeException e) {
            throw new Unavailable("hub answered " + e.getStatusCode().value());
        } catch (RestClientException | java.io.UncheckedIOException e) {
            throw new Unavailable("hub unreachable: " + e.getClass().getSimpleName());
        }
    }
}
