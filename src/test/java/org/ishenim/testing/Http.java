package org.ishenim.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tests' one HTTP client, for a server on localhost. Three ways in:
 * <ul>
 * <li>the API: HTTP Basic, JSON in and out ({@link #get}, {@link #post}, {@link #delete}, {@link #send}); the user is
 * a {@link StaffFixture} name ({@code "nurse"}, signed in with {@link StaffFixture#PASSWORD}), {@code "name:password"},
 * or null for no credentials;</li>
 * <li>pages: {@link #signIn} signs in through the login form with its CSRF token and gives a {@link Session} (cookies,
 * the session's CSRF token, forms and files);</li>
 * <li>raw: {@link #raw} writes HTTP/1.1 on a socket, for headers a normal client will not send (a forged
 * {@code Host}, {@code X-Forwarded-*}).</li>
 * </ul>
 * No redirect is followed.
 */
public final class Http {

    /** An answer: status, body as UTF-8 text, headers. */
    public record Response(int status, String body, HttpHeaders headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public List<String> headers(String name) {
            return headers.allValues(name);
        }

        /** The value of a cookie set by this answer, e.g. {@code JSESSIONID}. */
        public Optional<String> cookie(String name) {
            return headers("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                    .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                    .findFirst();
        }

        static Response of(HttpResponse<String> r) {
            return new Response(r.statusCode(), r.body(), r.headers());
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern META_TOKEN = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final String FORM = "application/x-www-form-urlencoded";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private final String base;

    public Http(int port) {
        this.port = port;
        this.base = "http://localhost:" + port;
    }

    public Response get(String user, String path) {
        return send(user, "GET", path, null, null);
    }

    public Response post(String user, String path, String json) {
        return send(user, "POST", path, json, null);
    }

    public Response post(String user, String path, String json, String idempotencyKey) {
        return send(user, "POST", path, json, idempotencyKey == null ? null : new String[] {"Idempotency-Key", idempotencyKey});
    }

    public Response delete(String user, String path) {
        return send(user, "DELETE", path, null, null);
    }

    /** {@code headers} are name, value pairs, or null. */
    public Response send(String user, String method, String path, String json, String[] headers) {
        var builder = request(path).method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (user != null) {
            builder.header("Authorization", basic(user));
        }
        if (headers != null) {
            builder.headers(headers);
        }
        return Response.of(call(client, builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    /** A file upload ({@code multipart/form-data}, part {@code file}) with HTTP Basic, or none when user is null. */
    public Response postFile(String user, String path, String fileName, byte[] content) {
        var builder = multipart(request(path), fileName, content);
        if (user != null) {
            builder.header("Authorization", basic(user));
        }
        return Response.of(call(client, builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    /** Signs in as a {@link StaffFixture} member, with {@link StaffFixture#PASSWORD}. */
    public Session signIn(String user) {
        return signIn(user, StaffFixture.PASSWORD);
    }

    /** Signs in through the login form with its CSRF token; an {@link IllegalStateException} if refused. */
    public Session signIn(String username, String password) {
        var session = new Session();
        String token = csrf(session.get("/login").body());
        var done = session.post("/login", form(Map.of("username", username, "password", password, "_csrf", token)), FORM);
        if (done.status() != 302 || done.header("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed for " + username + ": " + done.status());
        }
        return session;
    }

    /** A browser's session: its cookies, and the CSRF token it sends with forms. */
    public final class Session {

        private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        private String token;

        private Session() {
        }

        /** Any request, with this session's cookies, as {@link HttpClient#send} (an aborted connection is its IOException). */
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
                throws IOException, InterruptedException {
            return browser.send(request, body);
        }

        public Response get(String path) {
            return Response.of(call(browser, request(path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }

        public HttpResponse<byte[]> getBytes(String path) {
            return call(browser, request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        /** A form as a browser posts it, with the session's CSRF token unless {@code fields} has its own. */
        public Response postForm(String path, Map<String, String> fields) {
            var all = new LinkedHashMap<>(fields);
            all.putIfAbsent("_csrf", csrf());
            return post(path, form(all), FORM);
        }

        /** A file upload, with the session's CSRF token in its header. */
        public Response postFile(String path, String fileName, byte[] content) {
            var builder = multipart(request(path), fileName, content).header("X-CSRF-TOKEN", csrf());
            return Response.of(call(browser, builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }

        /** The session's CSRF token, as the layout gives it to every page (read once). */
        public String csrf() {
            if (token == null) {
                token = Http.csrf(get("/").body());
            }
            return token;
        }

        /** The CSRF token on {@code page}. */
        public String csrf(String page) {
            return Http.csrf(get(page).body());
        }

        private Response post(String path, String body, String type) {
            return Response.of(call(browser, request(path).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }
    }

    /**
     * HTTP/1.1 over a plain socket, one request per connection. {@code headerLines} are whole lines
     * ("Host: evil.example"); a {@code Host} line replaces the default one. {@code form} is an urlencoded body, or null.
     */
    public Response raw(String method, String path, String form, String... headerLines) {
        var request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        boolean host = false;
        for (String h : headerLines) {
            host |= h.toLowerCase(Locale.ROOT).startsWith("host:");
            request.append(h).append("\r\n");
        }
        if (!host) {
            request.append("Host: localhost:").append(port).append("\r\n");
        }
        byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
        if (form != null) {
            request.append("Content-Type: " + FORM + "\r\n");
            request.append("Content-Length: ").append(body.length).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            var all = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(all);
            return parse(all.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSRF token of a page: its first form's, or else the layout's {@code <meta name="_csrf">}. */
    public static String csrf(String html) {
        var m = FORM_TOKEN.matcher(html);
        if (m.find()) {
            return m.group(1);
        }
        m = META_TOKEN.matcher(html);
        if (m.find()) {
            return m.group(1);
        }
        throw new IllegalStateException("no CSRF token on the page");
    }

    /** An urlencoded form body. */
    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String json(Object... keyValues) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            node.set((String) keyValues[i], JSON.valueToTree(keyValues[i + 1]));
        }
        return node.toString();
    }

    /** A {@code Basic} header for a {@link StaffFixture} name or {@code "name:password"}. */
    public static String basic(String user) {
        String credentials = user.contains(":") ? user : StaffFixture.as(user);
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    }

    private static HttpRequest.Builder multipart(HttpRequest.Builder builder, String fileName, byte[] content) {
        String boundary = "----ishenim" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return builder.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private static <T> HttpResponse<T> call(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Response parse(byte[] bytes) {
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = raw.indexOf("\r\n\r\n");
        String[] lines = (end < 0 ? raw : raw.substring(0, end)).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line : Arrays.asList(lines).subList(1, lines.length)) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).strip(), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        byte[] body = end < 0 ? new byte[0] : Arrays.copyOfRange(bytes, end + 4, bytes.length);
        boolean chunked = headers.getOrDefault("Transfer-Encoding", List.of()).stream().anyMatch("chunked"::equalsIgnoreCase);
        return new Response(status, chunked ? dechunk(body) : new String(body, StandardCharsets.UTF_8),
                HttpHeaders.of(headers, (name, value) -> true));
    }

    /** Chunk sizes count bytes: decode as UTF-8 chunk by chunk. */
    private static String dechunk(byte[] bytes) {
        var out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOfCrlf(bytes, at);
            String size = new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
            int n = Integer.parseInt(size, 16);
            if (n == 0) {
                return out.toString(StandardCharsets.UTF_8);
            }
            out.write(bytes, lineEnd + 2, n);
            at = lineEnd + 2 + n + 2;
        }
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("a chunk without its size line");
    }
}
