package org.ishenim.audit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A module's addresses that name a client, as path patterns with a {@code {clientId}} variable
 * ({@code /clients/{clientId}/**}). Each module that serves such addresses declares its own as a bean, beside the
 * handlers that serve them; a refused access to one of them is then audited against that client, so the client's
 * access log shows it. The audit module names no other module's address.
 */
public final class ClientPaths {

    private static final String VARIABLE = "clientId";

    private final List<PathPattern> patterns;

    private ClientPaths(List<PathPattern> patterns) {
        this.patterns = patterns;
    }

    /** Patterns in Spring's {@link PathPattern} syntax, each with a {@code {clientId}} variable. */
    public static ClientPaths of(String... patterns) {
        List<PathPattern> parsed = new java.util.ArrayList<>();
        for (String p : patterns) {
            PathPattern pattern = PathPatternParser.defaultInstance.parse(p);
            if (!p.contains("{" + VARIABLE + "}")) {
                throw new IllegalArgumentException("A client path names its client as {" + VARIABLE + "}: " + p);
            }
            parsed.add(pattern);
        }
        return new ClientPaths(List.copyOf(parsed));
    }

    /** The client the path names, if it matches one of the patterns with a client id in its place. */
    Optional<UUID> clientIn(String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (PathPattern pattern : patterns) {
            var match = pattern.matchAndExtract(container);
            if (match != null) {
                Optional<UUID> client = uuid(match.getUriVariables().get(VARIABLE));
                if (client.isPresent()) {
                    return client;
                }
            }
        }
        return Optional.empty();
    }

    static Optional<UUID> uuid(String text) {
        if (text == null || !text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }
}
