package org.casework.rest.internal.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;

import org.casework.core.api.ConflictException;
import org.casework.core.api.FieldError;
import org.casework.core.api.ValidationException;
import org.casework.rest.api.RestConstants;
import org.casework.rest.internal.JsonSupport;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ExceptionMappersTest {

    record Address(String city, int floor) {
    }

    record Person(String name, Instant born, List<Address> addresses) {
    }

    private final ObjectMapper mapper = JsonSupport.newMapper();
    private final CaseworkExceptionMapper casework = new CaseworkExceptionMapper();
    private final JsonExceptionMapper json = new JsonExceptionMapper();
    private final WebApplicationExceptionMapper web = new WebApplicationExceptionMapper();
    private final FallbackExceptionMapper fallback = new FallbackExceptionMapper(casework, json, web);

    private JsonNode body(Response response) {
        assertEquals(RestConstants.PROBLEM_JSON, response.getMediaType().toString());
        return mapper.valueToTree(response.getEntity());
    }

    private JsonProcessingException readFailure(String text) {
        return assertThrows(JsonProcessingException.class, () -> mapper.readValue(text, Person.class));
    }

    @Test
    void validationKeepsStatusTypeAndFields() {
        Response r = casework.toResponse(new ValidationException(List.of(
                new FieldError("fields.title", "required", "Enter a title."))));
        JsonNode b = body(r);
        assertEquals(400, r.getStatus());
        assertEquals("urn:casework:problem:validation", b.get("type").asText());
        assertEquals("The request has invalid fields.", b.get("title").asText());
        assertEquals(400, b.get("status").asInt());
        assertEquals("fields.title", b.get("errors").get(0).get("field").asText());
        assertEquals("required", b.get("errors").get(0).get("rule").asText());
        assertEquals("Enter a title.", b.get("errors").get(0).get("message").asText());
    }

    @Test
    void conflictIs409WithVersionError() {
        Response r = casework.toResponse(new ConflictException(3, 4));
        JsonNode b = body(r);
        assertEquals(409, r.getStatus());
        assertEquals("urn:casework:problem:conflict", b.get("type").asText());
        assertEquals("version", b.get("errors").get(0).get("field").asText());
    }

    @Test
    void malformedJsonIs400() {
        Response r = json.toResponse(readFailure("{\"name\": \"x\""));
        JsonNode b = body(r);
        assertEquals(400, r.getStatus());
        assertEquals("urn:casework:problem:malformed-json", b.get("type").asText());
        assertFalse(b.has("errors"));
    }

    @Test
    void bodyNestedBeyondJacksonsLimitIs400NotAServerError() {
        String deep = "{\"name\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> mapper.readValue(deep, Object.class));
        Response r = json.toResponse(e);
        assertEquals(400, r.getStatus());
        assertEquals("urn:casework:problem:malformed-json", body(r).get("type").asText());
    }

    @Test
    void garbageIs400Malformed() {
        JsonNode b = body(json.toResponse(readFailure("not json at all")));
        assertEquals("urn:casework:problem:malformed-json", b.get("type").asText());
    }

    @Test
    void unknownPropertyNamesTheField() {
        Response r = json.toResponse(readFailure("{\"name\":\"x\",\"nickname\":\"y\"}"));
        JsonNode e = body(r).get("errors").get(0);
        assertEquals(400, r.getStatus());
        assertEquals("nickname", e.get("field").asText());
        assertEquals("unknown", e.get("rule").asText());
    }

    @Test
    void nestedUnknownPropertyNamesThePath() {
        JsonNode e = body(json.toResponse(readFailure(
                "{\"addresses\":[{\"city\":\"x\"},{\"town\":\"y\"}]}"))).get("errors").get(0);
        assertEquals("addresses[1].town", e.get("field").asText());
        assertEquals("unknown", e.get("rule").asText());
    }

    @Test
    void wrongTypeNamesTheFieldPath() {
        JsonNode e = body(json.toResponse(readFailure(
                "{\"addresses\":[{\"city\":\"x\",\"floor\":\"high\"}]}"))).get("errors").get(0);
        assertEquals("addresses[0].floor", e.get("field").asText());
        assertEquals("type", e.get("rule").asText());
    }

    @Test
    void badInstantIsTypeError() {
        JsonNode e = body(json.toResponse(readFailure("{\"born\":\"yesterday\"}")))
                .get("errors").get(0);
        assertEquals("born", e.get("field").asText());
        assertEquals("type", e.get("rule").asText());
    }

    @Test
    void arrayInsteadOfObjectIsTypeError() {
        Response r = json.toResponse(readFailure("[1,2]"));
        assertEquals(400, r.getStatus());
        assertEquals("type", body(r).get("errors").get(0).get("rule").asText());
    }

    @Test
    void webApplicationExceptionKeepsStatusAndHeaders() {
        Response r = web.toResponse(new NotAllowedException("GET", new String[] {"POST"}));
        JsonNode b = body(r);
        assertEquals(405, r.getStatus());
        assertEquals("urn:casework:problem:method-not-allowed", b.get("type").asText());
        assertTrue(r.getHeaderString("Allow").contains("GET"));

        assertEquals(404, web.toResponse(new NotFoundException()).getStatus());
        assertEquals(415, web.toResponse(new NotSupportedException()).getStatus());
        assertEquals("urn:casework:problem:unsupported-media-type",
                body(web.toResponse(new NotSupportedException())).get("type").asText());
    }

    @Test
    void parameterConversionFailureIs400NotMissingRecord() {
        Response r = web.toResponse(new NotFoundException(new NumberFormatException("abc")));
        assertEquals(400, r.getStatus());
        assertEquals("type", body(r).get("errors").get(0).get("rule").asText());
    }

    @Test
    void webApplicationExceptionWithBodyPassesThrough() {
        Response original = Response.status(418).entity("teapot").type("text/plain").build();
        assertEquals(original, web.toResponse(new WebApplicationException(original)));
    }

    @Test
    void anythingElseIs500WithoutInternals() {
        Response r = fallback.toResponse(new IllegalStateException("secret table cw_user broke"));
        JsonNode b = body(r);
        assertEquals(500, r.getStatus());
        assertEquals("urn:casework:problem:server-error", b.get("type").asText());
        assertFalse(b.toString().contains("cw_user"));
        assertFalse(b.toString().contains("IllegalStateException"));
    }

    @Test
    void wrappedCaseworkExceptionIsUnwrapped() {
        Response r = fallback.toResponse(new RuntimeException("tx",
                new ValidationException("username", "unique", "Taken.")));
        assertEquals(400, r.getStatus());
        assertEquals("unique", body(r).get("errors").get(0).get("rule").asText());
    }

    @Test
    void wrappedJsonErrorIsUnwrapped() {
        Response r = fallback.toResponse(new RuntimeException(readFailure("{")));
        assertEquals(400, r.getStatus());
    }
}
