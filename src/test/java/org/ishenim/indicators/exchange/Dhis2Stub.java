package org.ishenim.indicators.exchange;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for DHIS2's {@code /api/dataValueSets} on the loopback interface, checking what DHIS2's Web API
 * documentation requires of a data value set import (docs/indicators.md, "Exports"): POST, a JSON body, a personal
 * access token as {@code Authorization: ApiToken …}, {@code dryRun}, {@code importStrategy} and codes as identifiers
 * ({@code idScheme=CODE}); each data value with dataElement, period, orgUnit and categoryOptionCombo, a value unless
 * deleted, a period of the data set's type (yearly unless told), and codes the instance knows. It answers as DHIS2
 * 2.38+ does (an import summary inside a web message) and keeps the values it holds, so a test can see what a real
 * import left. Public for the national page's "send to DHIS2" test.
 */
public final class Dhis2Stub implements AutoCloseable {

    /** One request as received: its query parameters and body, for the tests to inspect. */
    public record Received(String method, String path, Map<String, String> query, String contentType, JsonNode body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final String token;
    private final Set<String> dataElements;
    private final Set<String> optionCombos;
    private final Set<String> orgUnits;
    private final String periodPattern;
    /** dataElement|period|orgUnit|combo → value: the instance's data. */
    public final Map<String, String> stored = Collections.synchronizedMap(new LinkedHashMap<>());
    public final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    /** While true, every connection is closed without an answer, as when DHIS2 is down behind its proxy. */
    public volatile boolean down;

    /** An instance whose data set is yearly (WHO's {@code HIV_AGG_PREV_YEARLY}). */
    Dhis2Stub(String token, Set<String> dataElements, Set<String> optionCombos, Set<String> orgUnits)
            throws IOException {
        this(token, dataElements, optionCombos, orgUnits, "\\d{4}");
    }

    /** An instance whose data set's periods match {@code periodPattern} ({@code \d{6}}: monthly). */
    public Dhis2Stub(String token, Set<String> dataElements, Set<String> optionCombos, Set<String> orgUnits,
            String periodPattern) throws IOException {
        this.periodPattern = periodPattern;
        this.token = token;
        this.dataElements = dataElements;
        this.optionCombos = optionCombos;
        this.orgUnits = orgUnits;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dhis");
    }

    public static String key(String dataElement, String period, String orgUnit, String combo) {
        return dataElement + "|" + period + "|" + orgUnit + "|" + combo;
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (down) {
            exchange.close();
            return;
        }
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            JsonNode json = null;
            try {
                json = JSON.readTree(body);
            } catch (RuntimeException e) {
                // checked below
            }
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), query,
                    contentType, json));
            if (!exchange.getRequestURI().getPath().equals("/dhis/api/dataValueSets")) {
                answer(exchange, 404, error("Not Found", 404, "No such resource."));
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 405, error("Method Not Allowed", 405, "POST only."));
                return;
            }
            if (!("ApiToken " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, error("Unauthorized", 401, "Unauthorized"));
                return;
            }
            if (contentType == null || !contentType.startsWith("application/json") || json == null
                    || !json.path("dataValues").isArray()) {
                answer(exchange, 415, error("Unsupported Media Type", 415, "A JSON data value set is expected."));
                return;
            }
            String strategy = query.get("importStrategy");
            String dryRun = query.get("dryRun");
            if (!Set.of("CREATE", "UPDATE", "CREATE_AND_UPDATE", "DELETE").contains(strategy)
                    || !Set.of("true", "false").contains(dryRun) || !"CODE".equals(query.get("idScheme"))) {
                answer(exchange, 409, error("Conflict", 409, "Unknown import parameters."));
                return;
            }
            answer(exchange, 200, importValues(json, strategy, dryRun.equals("true")));
        }
    }

    private ObjectNode importValues(JsonNode set, String strategy, boolean dryRun) {
        int imported = 0;
        int updated = 0;
        int deleted = 0;
        int ignored = 0;
        ArrayNode conflicts = JSON.createArrayNode();
        Map<String, String> changes = new HashMap<>();
        List<String> deletions = new ArrayList<>();
        for (JsonNode value : set.path("dataValues")) {
            String element = text(value, "dataElement");
            String period = text(value, "period");
            String orgUnit = text(value, "orgUnit");
            String combo = text(value, "categoryOptionCombo");
            String number = text(value, "value");
            String problem = element == null || period == null || orgUnit == null || combo == null
                    ? "A data value needs dataElement, period, orgUnit and categoryOptionCombo"
                    : !dataElements.contains(element) ? "Data element not found or not accessible"
                    : !optionCombos.contains(combo) ? "Category option combo not found or not accessible"
                    : !orgUnits.contains(orgUnit) ? "Organisation unit not found or not accessible"
                    : !period.matches(periodPattern) ? "Period type of period does not match data set"
                    : !strategy.equals("DELETE") && (number == null || !number.matches("0|[1-9]\\d*"))
                    ? "Data value is not a zero or positive integer" : null;
            if (problem != null) {
                ignored++;
                conflicts.add(JSON.createObjectNode().put("object", String.valueOf(element)).put("value", problem));
                continue;
            }
            String key = key(element, period, orgUnit, combo);
            if (strategy.equals("DELETE")) {
                if (stored.containsKey(key)) {
                    deleted++;
                    deletions.add(key);
                } else {
                    ignored++;
                }
            } else if (stored.containsKey(key)) {
                updated++;
                changes.put(key, number);
            } else {
                imported++;
                changes.put(key, number);
            }
        }
        if (!dryRun) {
            stored.putAll(changes);
            deletions.forEach(stored::remove);
        }
        ObjectNode summary = JSON.createObjectNode().put("responseType", "ImportSummary")
                .put("status", conflicts.isEmpty() ? "SUCCESS" : "WARNING");
        summary.putObject("importCount").put("imported", imported).put("updated", updated).put("ignored", ignored)
                .put("deleted", deleted);
        summary.set("conflicts", conflicts);
        ObjectNode message = JSON.createObjectNode().put("httpStatus", "OK").put("httpStatusCode", 200)
                .put("status", conflicts.isEmpty() ? "OK" : "WARNING").put("message", "Import was successful.");
        message.set("response", summary);
        return message;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static ObjectNode error(String httpStatus, int code, String text) {
        return JSON.createObjectNode().put("httpStatus", httpStatus).put("httpStatusCode", code)
                .put("status", "ERROR").put("message", text);
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                query.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                        equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
