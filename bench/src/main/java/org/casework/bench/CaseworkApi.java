package org.casework.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The few calls of the Casework REST API the benchmark makes, over one shared HTTP/1.1 client. */
final class CaseworkApi {

    static final String API = "/api/v1";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final ObjectMapper json = new ObjectMapper();

    CaseworkApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path, token).GET();
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String jsonBody) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST /tokens: the bearer token, or the failed response's status and text. */
    TokenAnswer token(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = post(API + "/tokens", null,
                json.writeValueAsString(Map.of("username", username, "password", password)));
        if (r.statusCode() == 201) {
            JsonNode token = json.readTree(r.body()).path("token");
            if (token.isTextual() && !token.asText().isEmpty()) {
                return new TokenAnswer(token.asText(), 201, r.body());
            }
        }
        return new TokenAnswer(null, r.statusCode(), r.body());
    }

    /** POST /users/me/password, for a first sign-in that must change the password. */
    HttpResponse<String> changePassword(String token, String current, String next)
            throws IOException, InterruptedException {
        return post(API + "/users/me/password", token,
                json.writeValueAsString(Map.of("currentPassword", current, "newPassword", next)));
    }

    /** Whether GET /cases answered a list naming the case type {@code key}. */
    boolean listsCaseType(HttpResponse<String> casesResponse, String key) {
        if (casesResponse.statusCode() != 200) {
            return false;
        }
        try {
            for (JsonNode type : json.readTree(casesResponse.body())) {
                if (key.equals(type.path("key").asText())) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** The problem type of a problem+json answer, or "" when there is none. */
    String problemType(HttpResponse<String> r) {
        try {
            return json.readTree(r.body()).path("type").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /** The answer to a token request: {@code token} is null unless it succeeded. */
    record TokenAnswer(String token, int status, String body) {
    }
}
