package org.ishenim.testing;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Requests every route Spring MVC knows (from its {@link RequestMappingHandlerMapping}, not a hand-kept list) with
 * odd values in every path variable, request parameter and JSON field, as each caller, and lists every answer of
 * 500 or more (or a connection the server aborted). Pages are requested with the caller's session and its CSRF
 * token; the API with HTTP Basic or a bearer token.
 */
public final class Crawler {

    /** Who asks: a name for the report, and how its requests are made. */
    public interface Caller {
        String name();

        HttpResponse<String> send(HttpRequest.Builder request, boolean api) throws IOException, InterruptedException;
    }

    /** A route as found: method, path pattern, the parameter names and the JSON body's type (or null). */
    public record Route(String method, String pattern, List<String> pathVariables, List<String> parameters,
            Class<?> body) {
        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /** Odd values: unknown and malformed ids, quotes, markup, very long, negative, huge, empty, control characters. */
    public static final List<String> ODD = List.of(UUID.randomUUID().toString(), "not-a-uuid", "'\"", "<script>alert(1)</script>",
            "x".repeat(5000), "-1", "99999999999999999999", "", "１２", "\u202e\u0000", "M1985AIBE", "2026-13-45");

    /** Odd values that an API refusal must never echo (a UIC typed where an id belongs, markup). */
    private static final List<String> ECHOED = List.of("M1985AIBE", "not-a-uuid", "script>alert");

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([A-Za-z0-9_]+)(?::[^}]*)?}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;

    public Crawler(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Every route with its methods (GET and POST for a mapping that names none). */
    public static List<Route> routes(RequestMappingHandlerMapping mapping) {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty()) {
                methods = Set.of(RequestMethod.GET, RequestMethod.POST);
            }
            List<String> parameters = new ArrayList<>();
            Class<?> body = null;
            for (MethodParameter p : handler.getMethodParameters()) {
                p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                RequestParam param = p.getParameterAnnotation(RequestParam.class);
                if (param != null) {
                    String name = !param.name().isEmpty() ? param.name() : param.value();
                    parameters.add(name.isEmpty() ? p.getParameterName() : name);
                } else if (p.hasParameterAnnotation(RequestBody.class)) {
                    body = p.getParameterType();
                }
            }
            for (String pattern : info.getPatternValues()) {
                List<String> variables = new ArrayList<>();
                Matcher m = VARIABLE.matcher(pattern);
                while (m.find()) {
                    variables.add(m.group(1));
                }
                for (RequestMethod method : methods) {
                    routes.add(new Route(method.name(), pattern, variables, parameters, body));
                }
            }
        }
        routes.sort(java.util.Comparator.comparing(Route::toString));
        return routes;
    }

    /** The answers of 500 or more, as {@code "POST /x/{id} as nurse with 'value': 500"}. */
    public List<String> crawl(List<Route> routes, List<Caller> callers) {
        return crawl(routes, callers, List.of());
    }

    /**
     * The answers of 500 or more, and every answer (of any status) whose body contains one of {@code forbidden}
     * (stored secrets or encodings that no route may return), without quoting the forbidden value.
     */
    public List<String> crawl(List<Route> routes, List<Caller> callers, List<String> forbidden) {
        List<String> failures = new ArrayList<>();
        for (Route route : routes) {
            for (String odd : ODD) {
                String path = path(route, odd);
                boolean api = route.pattern().startsWith("/api/");
                for (Caller caller : callers) {
                    String outcome = outcome(caller, route, path, odd, api, forbidden);
                    if (outcome != null) {
                        failures.add(route + " as " + caller.name() + " with " + shown(odd) + ": " + outcome);
                    }
                }
            }
        }
        return failures;
    }

    private String outcome(Caller caller, Route route, String path, String odd, boolean api, List<String> forbidden) {
        try {
            HttpRequest.Builder request = request(route, path, odd, api);
            HttpResponse<String> response = caller.send(request, api);
            for (int i = 0; i < forbidden.size(); i++) {
                if (response.body().contains(forbidden.get(i))) {
                    return response.statusCode() + " containing forbidden value #" + i;
                }
            }
            if (response.statusCode() >= 500) {
                return String.valueOf(response.statusCode());
            }
            if (api && response.statusCode() >= 400 && ECHOED.stream().anyMatch(v -> odd.contains(v)
                    && response.body().contains(v))) {
                return response.statusCode() + " echoing the value sent";
            }
            return null;
        } catch (IOException e) {
            return "connection aborted (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(Route route, String path, String odd, boolean api) {
        StringBuilder query = new StringBuilder(); // a form body: every parameter gets the odd value
        StringBuilder urlQuery = new StringBuilder(); // in the address, a very long value at most once (see path)
        boolean longUsed = !route.pathVariables().isEmpty();
        for (String name : new LinkedHashSet<>(route.parameters())) {
            query.append(query.isEmpty() ? "" : "&").append(encode(name)).append('=').append(encode(odd));
            String value = odd.length() <= LONG_SEGMENT || !longUsed ? odd : "x";
            longUsed = true;
            urlQuery.append(urlQuery.isEmpty() ? "" : "&").append(encode(name)).append('=').append(encode(value));
        }
        boolean hasBody = !route.method().equals("GET") && !route.method().equals("DELETE");
        HttpRequest.Builder builder;
        if (route.body() != null) {
            String uri = base + path + (urlQuery.isEmpty() ? "" : "?" + urlQuery);
            builder = HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                    .method(route.method(), HttpRequest.BodyPublishers.ofString(body(route.body(), odd)));
        } else if (hasBody && !api) {
            builder = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .method(route.method(), HttpRequest.BodyPublishers.ofString(query.toString()));
        } else {
            String uri = base + path + (urlQuery.isEmpty() ? "" : "?" + urlQuery);
            builder = HttpRequest.newBuilder(URI.create(uri)).method(route.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder;
    }

    /** A JSON object with every field of the body's record set to the odd value (or, for a JSON tree, a few keys). */
    static String body(Class<?> type, String odd) {
        ObjectNode node = JSON.createObjectNode();
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            for (String name : List.of("clk", "reference", "encodings", "code", "name")) {
                node.put(name, odd);
            }
            return node.toString();
        }
        for (RecordComponent component : components) {
            Class<?> t = component.getType();
            if (Number.class.isAssignableFrom(t) || t.isPrimitive() && t != boolean.class) {
                node.put(component.getName(), odd.matches("-?[0-9]+") ? odd : "-1");
            } else if (java.util.Collection.class.isAssignableFrom(t)) {
                node.putArray(component.getName()).add(odd);
            } else {
                node.put(component.getName(), odd);
            }
        }
        return node.toString();
    }

    /**
     * The route with the odd value in every path variable, except that a very long value goes into the first one only
     * (an unknown id fills the others): two 5,000-character segments make a request line over Tomcat's 8 KB limit,
     * which Tomcat refuses by closing the connection while the client may still be sending, a race in TCP and not an
     * answer of ours.
     */
    private static String path(Route route, String odd) {
        String path = route.pattern();
        boolean first = true;
        for (String variable : route.pathVariables()) {
            String value = first || odd.length() <= LONG_SEGMENT ? odd : UNKNOWN_ID;
            path = path.replaceFirst("\\{\\*?" + variable + "(?::[^}]*)?}", Matcher.quoteReplacement(segment(value)));
            first = false;
        }
        return path;
    }

    private static final int LONG_SEGMENT = 1_000;
    private static final String UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

    private static String segment(String odd) {
        // an empty segment would be another route; a path variable gets a blank instead
        return odd.isEmpty() ? "%20" : encode(odd).replace("+", "%20");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String shown(String odd) {
        return odd.length() > 20 ? "'" + odd.substring(0, 10) + "...'(" + odd.length() + ")" : "'" + odd + "'";
    }

    /** No credentials at all. */
    public Caller anonymous() {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return new Caller() {
            public String name() {
                return "anonymous";
            }

            public HttpResponse<String> send(HttpRequest.Builder request, boolean api) throws IOException, InterruptedException {
                return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
        };
    }

    /** A staff member: HTTP Basic on the API, a signed-in session with its CSRF token on pages. */
    public Caller staff(String username, String password) {
        Http.Session session = new Http(URI.create(base).getPort()).signIn(username, password);
        String csrf = session.csrf();
        String basic = Http.basic(username + ":" + password);
        HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return new Caller() {
            public String name() {
                return username;
            }

            public HttpResponse<String> send(HttpRequest.Builder request, boolean api) throws IOException, InterruptedException {
                if (api) {
                    return plain.send(request.header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString());
                }
                return session.send(request.header("X-CSRF-TOKEN", csrf).build(), HttpResponse.BodyHandlers.ofString());
            }
        };
    }

    /** A caller with a fixed {@code Authorization} header (a hub site's bearer token). */
    public Caller withAuthorization(String name, String authorization) {
        HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return new Caller() {
            public String name() {
                return name;
            }

            public HttpResponse<String> send(HttpRequest.Builder request, boolean api) throws IOException, InterruptedException {
                return plain.send(request.header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
            }
        };
    }
}
