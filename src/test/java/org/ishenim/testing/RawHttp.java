package org.ishenim.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, for tests that must send headers a normal client will not (a forged {@code Host},
 * {@code X-Forwarded-*}). One request per connection; nothing followed.
 */
public final class RawHttp {

    public record Response(int status, List<String> headerLines, String body) {

        public List<String> headers(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headerLines.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).strip()).toList();
        }

        public Optional<String> header(String name) {
            return headers(name).stream().findFirst();
        }

        /** The value of a cookie set by this response, e.g. {@code JSESSIONID}. */
        public Optional<String> cookie(String name) {
            return headers("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                    .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                    .findFirst();
        }
    }

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Response postForm(String path, String form, String... headers) {
        return send("POST", path, form, headers);
    }

    /** {@code headers} are whole lines ("Host: evil.example"); a {@code Host} line replaces the default one. */
    public Response send(String method, String path, String form, String... headers) {
        var request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        boolean host = false;
        for (String h : headers) {
            host |= h.toLowerCase(Locale.ROOT).startsWith("host:");
            request.append(h).append("\r\n");
        }
        if (!host) {
            request.append("Host: localhost:").append(port).append("\r\n");
        }
        byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
        if (form != null) {
            request.append("Content-Type: application/x-www-form-urlencoded\r\n");
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

    private static Response parse(byte[] bytes) {
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = raw.indexOf("\r\n\r\n");
        String head = end < 0 ? raw : raw.substring(0, end);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        var headerLines = new ArrayList<String>();
        for (int i = 1; i < lines.length; i++) {
            headerLines.add(lines[i]);
        }
        byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        var response = new Response(status, headerLines, "");
        return new Response(status, headerLines,
                response.header("Transfer-Encoding").filter("chunked"::equalsIgnoreCase).isPresent()
                        ? dechunk(body) : new String(body, StandardCharsets.UTF_8));
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
