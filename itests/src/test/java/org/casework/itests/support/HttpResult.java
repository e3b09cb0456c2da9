package org.casework.itests.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * One HTTP answer: status, headers and body as text, with the body read as JSON on request.
 *
 * @param status the HTTP status code
 * @param headers the response headers
 * @param body the body as UTF-8 text, empty when there was none
 */
public record HttpResult(int status, HttpHeaders headers, String body) {

    /** The body parsed as JSON. */
    public JsonNode json() {
        try {
            return CaseworkHttp.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
        }
    }

    /** The body mapped to {@code type}. */
    public <T> T as(Class<T> type) {
        try {
            return CaseworkHttp.MAPPER.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + type.getSimpleName() + " (" + status + "): " + body, e);
        }
    }

    /** The first value of a header. */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
