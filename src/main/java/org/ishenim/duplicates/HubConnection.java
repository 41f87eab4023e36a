package org.ishenim.duplicates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.ishenim.web.ClinicOnly;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Where the hub is and how this clinic authenticates to it: {@code ishenim.hub.url} and the site token, given as
 * {@code ishenim.hub.token} or, better, {@code ishenim.hub.token-file} (read at each call, so a new token needs no
 * restart). Without a URL the duplicate check is off, and monthly reports wait. Public: the indicators module sends
 * its monthly reports to the same hub with the same token.
 */
@Component
@ClinicOnly
public class HubConnection {

    private final String url;
    private final String token;
    private final String tokenFile;

    HubConnection(@Value("${ishenim.hub.url:}") String url, @Value("${ishenim.hub.token:}") String token,
            @Value("${ishenim.hub.token-file:}") String tokenFile) {
        this.url = url.strip().replaceAll("/+$", "");
        this.token = token.strip();
        this.tokenFile = tokenFile.strip();
    }

    public boolean configured() {
        return !url.isEmpty();
    }

    public String url() {
        return url;
    }

    public String token() {
        if (!tokenFile.isEmpty()) {
            try {
                return Files.readString(Path.of(tokenFile), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("The hub token file cannot be read.", e);
            }
        }
        return token;
    }

    /**
     * A client for the hub's site API: 5 s to connect, no redirects followed, {@code readTimeout} to answer, and every
     * {@link ClientHttpRequestInterceptor} bean of the context (tests use one to see every request that leaves the
     * clinic). The duplicate check, the monthly reports and the counted-elsewhere list each make one.
     */
    public static RestClient client(Duration readTimeout, ObjectProvider<ClientHttpRequestInterceptor> interceptors) {
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build());
        factory.setReadTimeout(readTimeout);
        return RestClient.builder().requestFactory(factory)
                .requestInterceptors(list -> interceptors.orderedStream().forEach(list::add)).build();
    }

    @Override
    public String toString() {
        return "HubConnection[" + url + ", token redacted]";
    }
}
