package org.ishenim.indicators.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends an {@link IndicatorSet} to DHIS2's Web API, {@code POST {base}/api/dataValueSets} with JSON bodies and
 * {@code idScheme=CODE}: first both payloads as dry runs ({@code dryRun=true}), and only when DHIS2 would accept every
 * value, the values with {@code importStrategy=CREATE_AND_UPDATE} and the suppressed cells with
 * {@code importStrategy=DELETE}. It authenticates with a personal access token read from a file at each send
 * ({@code Authorization: ApiToken …}); the token is in no log line and no exception.
 */
public final class Dhis2Client {

    /** An import's steps, in the order they are sent. */
    public enum Step {
        DRY_RUN_VALUES(true, "CREATE_AND_UPDATE"), DRY_RUN_DELETIONS(true, "DELETE"), VALUES(false,
                "CREATE_AND_UPDATE"), DELETIONS(false, "DELETE");

        /** Whether this step only asks DHIS2 what it would do. */
        final boolean dryRun;
        final String strategy;

        Step(boolean dryRun, String strategy) {
            this.dryRun = dryRun;
            this.strategy = strategy;
        }
    }

    /** DHIS2's counts for one step. */
    public record StepResult(Step step, int imported, int updated, int deleted, int ignored) {
    }

    private static final Logger log = LoggerFactory.getLogger(Dhis2Client.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI endpoint;
    private final Path tokenFile;
    private final HttpClient http;
    private final DataValueSets sets;
    private final Duration timeout;

    public Dhis2Client(URI baseUrl, Path tokenFile, HttpClient http, DataValueSets sets, Duration timeout) {
        String base = baseUrl.toString();
        this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + "api/dataValueSets");
        this.tokenFile = tokenFile;
        this.http = http;
        this.sets = sets;
        this.timeout = timeout;
    }

    /**
     * Dry runs, then the import and the deletions. Throws {@link Dhis2ImportException} at the first step DHIS2 does
     * not accept in full; after a failed dry run nothing has been written.
     */
    public List<StepResult> send(IndicatorSet set) {
        return send(List.of(set));
    }

    /**
     * Several organisation units of one period in one import: every step carries all the units' values (each value
     * names its own unit), so no unit is written before DHIS2 has accepted the dry run of all of them.
     */
    public List<StepResult> send(List<IndicatorSet> indicatorSets) {
        DataValueSets.Payload payload = sets.build(indicatorSets);
        String authorization = "ApiToken " + token();
        List<StepResult> results = new ArrayList<>();
        for (Step step : Step.values()) {
            DataValueSets.DataValueSet body = step.strategy.equals("DELETE") ? payload.deletions() : payload.values();
            if (!body.dataValues().isEmpty()) {
                results.add(post(step, body, authorization));
            }
        }
        return List.copyOf(results);
    }

    private StepResult post(Step step, DataValueSets.DataValueSet body, String authorization) {
        URI uri = URI.create(endpoint + "?dryRun=" + step.dryRun + "&importStrategy=" + step.strategy
                + "&idScheme=CODE");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body.json(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            log.warn("DHIS2 {}: not reached ({})", step, e.getClass().getName());
            throw new Dhis2ImportException("DHIS2 could not be reached at step " + step + ".",
                    Dhis2ImportException.Reason.UNREACHABLE, step, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Dhis2ImportException("Interrupted at step " + step + ".",
                    Dhis2ImportException.Reason.INTERRUPTED, step, e);
        }
        return result(step, response.statusCode(), response.body());
    }

    private static StepResult result(Step step, int httpStatus, String body) {
        JsonNode summary = null;
        try {
            JsonNode root = JSON.readTree(body == null ? "" : body);
            summary = root.has("response") ? root.get("response") : root;
        } catch (JacksonException e) {
            // not DHIS2's JSON (a proxy's page, an empty body): reported by status below
        }
        String status = summary == null ? "none" : summary.path("status").asString("none");
        int conflicts = summary == null ? 0 : summary.path("conflicts").size();
        JsonNode counts = summary == null ? null : summary.path("importCount");
        StepResult result = counts == null ? new StepResult(step, 0, 0, 0, 0)
                : new StepResult(step, counts.path("imported").asInt(0), counts.path("updated").asInt(0),
                        counts.path("deleted").asInt(0), counts.path("ignored").asInt(0));
        // DHIS2 ignores, without a conflict, a deletion of a value it does not hold and a zero it does not store
        boolean accepted = httpStatus == 200 && (status.equals("SUCCESS") || status.equals("OK")) && conflicts == 0;
        log.info("DHIS2 {}: HTTP {}, status {}, imported {}, updated {}, deleted {}, ignored {}, conflicts {}", step,
                httpStatus, status, result.imported(), result.updated(), result.deleted(), result.ignored(),
                conflicts);
        if (!accepted) {
            throw new Dhis2ImportException("DHIS2 did not accept step " + step + ": HTTP " + httpStatus + ", status "
                    + status + ", " + conflicts + " conflicts, " + result.ignored() + " ignored."
                    + (step.dryRun ? " Nothing was imported." : ""), httpStatus == 401 || httpStatus == 403
                            ? Dhis2ImportException.Reason.UNAUTHORIZED : Dhis2ImportException.Reason.REFUSED, step,
                    httpStatus, conflicts, result.ignored());
        }
        return result;
    }

    /** The token, from its file; refused without quoting it if it is empty or not a plain token. */
    private String token() {
        String token;
        try {
            token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new Dhis2ImportException("The DHIS2 token file cannot be read (" + e.getClass().getSimpleName()
                    + ").", Dhis2ImportException.Reason.TOKEN_FILE, null, 0, 0, 0);
        }
        if (token.isEmpty() || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new Dhis2ImportException("The DHIS2 token file does not hold one token of printable characters.",
                    Dhis2ImportException.Reason.TOKEN_FILE, null, 0, 0, 0);
        }
        return token;
    }
}
