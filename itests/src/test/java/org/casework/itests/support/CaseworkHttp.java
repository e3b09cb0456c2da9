package org.casework.itests.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small REST client for tests on {@code java.net.http}, with Jackson for JSON bodies. Immutable:
 * {@link #as} and {@link #header} return a new client.
 */
public final class CaseworkHttp {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final URI base;
    private final Map<String, String> headers;

    private CaseworkHttp(HttpClient client, URI base, Map<String, String> headers) {
        this.client = client;
        this.base = base;
        this.headers = headers;
    }

    /** A client for {@code http://localhost:<port>}, following no redirects. */
    public static CaseworkHttp localhost(int port) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new CaseworkHttp(client, URI.create("http://localhost:" + port), Map.of());
    }

    /** The same client sending HTTP basic authentication. */
    public CaseworkHttp as(String username, String password) {
        String token = Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return header("Authorization", "Basic " + token);
    }

    /** The same client sending one more header on every request. */
    public CaseworkHttp header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new CaseworkHttp(client, base, Map.copyOf(more));
    }

    /** The base URI, e.g. {@code http://localhost:8181}. */
    public URI base() {
        return base;
    }

    public HttpResult get(String path) {
        return send(request(path).GET());
    }

    public HttpResult delete(String path) {
        return send(request(path).DELETE());
    }

    /** POSTs {@code body} as JSON ({@code null} for an empty body). */
    public HttpResult post(String path, Object body) {
        return send(request(path).POST(json(body)).header("Content-Type", "application/json"));
    }

    /** PUTs {@code body} as JSON. */
    public HttpResult put(String path, Object body) {
        return send(request(path).PUT(json(body)).header("Content-Type", "application/json"));
    }

    /** PATCHes {@code body} as JSON. */
    public HttpResult patch(String path, Object body) {
        return send(request(path).method("PATCH", json(body)).header("Content-Type", "application/json"));
    }

    /** Sends raw bytes with the given content type. */
    public HttpResult post(String path, byte[] body, String contentType) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType));
    }

    /** Sends a request built by the caller on top of this client's base and headers. */
    public HttpResult send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new HttpResult(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** A request to {@code path} (relative to the base) carrying this client's headers. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json, application/problem+json, */*");
        headers.forEach(builder::header);
        return builder;
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        try {
            String text = body instanceof String s ? s : MAPPER.writeValueAsString(body);
            return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write as JSON: " + body, e);
        }
    }
}
