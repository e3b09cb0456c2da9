package org.casework.rest.internal.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.casework.core.api.Page;
import org.casework.core.api.spi.CaseAction;
import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.core.api.spi.FieldDefinition;
import org.casework.rest.api.Doc;
import org.casework.rest.api.PATCH;
import org.casework.rest.api.PublicEndpoint;
import org.casework.rest.api.RequiresRole;
import org.casework.rest.internal.JsonSupport;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class OpenApiGeneratorTest {

    enum Colour { RED, GREEN }

    record Widget(long id, String name, Colour colour, Instant createdAt, LocalDate due,
            Set<String> tags, Widget parent) {
    }

    record NewWidget(String name, Colour colour) {
    }

    @Path("/widgets")
    @Produces(MediaType.APPLICATION_JSON)
    @Doc("Widgets, for the test.")
    static class WidgetResource {
        @GET
        @Doc("Lists widgets.")
        public Page<Widget> list(@QueryParam("page") @DefaultValue("0") int page,
                @QueryParam("size") @DefaultValue("20") int size, @Context SecurityContext sc) {
            return null;
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @RequiresRole({"editor", "admin"})
        public Response create(NewWidget widget) {
            return null;
        }

        @GET
        @Path("{id: \\d+}")
        public Widget get(@PathParam("id") long id, @HeaderParam("If-None-Match") String etag) {
            return null;
        }

        @PATCH
        @Path("{id}")
        public Widget patch(@PathParam("id") long id, Map<String, Object> changes) {
            return null;
        }

        @DELETE
        @Path("{id}")
        @PublicEndpoint
        public void remove(@PathParam("id") long id) {
        }

        public String notAnEndpoint() {
            return "";
        }
    }

    private JsonNode generate() {
        CaseTypeDefinition congress = CaseTypeDefinition.builder("congress")
                .label("Congressional inquiry", "Congressional inquiries")
                .numberPrefix("CI")
                .field(FieldDefinition.text("member", "Member of Congress").required().maxLength(120))
                .field(FieldDefinition.longText("summary", "Summary"))
                .field(FieldDefinition.number("pages", "Pages").range(1, 500))
                .field(FieldDefinition.date("received", "Received").notInFuture())
                .field(FieldDefinition.bool("urgent", "Urgent"))
                .field(FieldDefinition.enumeration("channel", "Channel", "mail", "email"))
                .field(FieldDefinition.email("contact", "Contact e-mail"))
                .field(FieldDefinition.phone("phone", "Phone"))
                .field(FieldDefinition.aNumber("aNumber", "A-Number"))
                .field(FieldDefinition.person("subject", "Subject"))
                .field(FieldDefinition.address("address", "Address"))
                .field(FieldDefinition.caseReference("related", "Related case"))
                .state("open", "Open")
                .allow(CaseAction.CREATE, "staff")
                .build();
        Map<String, Object> doc = new OpenApiGenerator("Casework API", "1")
                .generate(List.of(WidgetResource.class), List.of(congress));
        ObjectMapper mapper = JsonSupport.newMapper();
        return mapper.valueToTree(doc);
    }

    @Test
    void documentsPathsMethodsAndParameters() {
        JsonNode doc = generate();
        assertEquals("3.0.3", doc.get("openapi").asText());
        assertEquals("/api/v1", doc.get("servers").get(0).get("url").asText());
        JsonNode paths = doc.get("paths");
        assertTrue(paths.has("/widgets"));
        assertTrue(paths.has("/widgets/{id}"), paths.toString());
        assertEquals(2, paths.size());

        JsonNode list = paths.get("/widgets").get("get");
        assertEquals("Lists widgets.", list.get("summary").asText());
        assertEquals("authenticated", list.get("x-casework-access").asText());
        assertEquals(2, list.get("parameters").size(), "the @Context parameter is not a parameter");
        assertEquals("page", list.get("parameters").get(0).get("name").asText());
        assertEquals("query", list.get("parameters").get(0).get("in").asText());
        assertEquals("integer", list.get("parameters").get(0).get("schema").get("type").asText());
        assertEquals("0", list.get("parameters").get(0).get("schema").get("default").asText());
        JsonNode page = list.get("responses").get("200").get("content").get("application/json")
                .get("schema");
        assertEquals("array", page.get("properties").get("items").get("type").asText());
        assertEquals("#/components/schemas/Widget",
                page.get("properties").get("items").get("items").get("$ref").asText());
        assertEquals("integer", page.get("properties").get("total").get("type").asText());

        JsonNode create = paths.get("/widgets").get("post");
        assertEquals("roles", create.get("x-casework-access").asText());
        assertEquals("editor", create.get("x-casework-roles").get(0).asText());
        assertEquals("#/components/schemas/NewWidget", create.get("requestBody").get("content")
                .get("application/json").get("schema").get("$ref").asText());
        assertTrue(create.get("responses").has("2XX"));
        assertEquals("#/components/schemas/Problem", create.get("responses").get("default")
                .get("content").get("application/problem+json").get("schema").get("$ref").asText());

        JsonNode item = paths.get("/widgets/{id}");
        assertEquals(Set.of("get", "patch", "delete"), fieldNames(item));
        JsonNode get = item.get("get");
        assertEquals("path", get.get("parameters").get(0).get("in").asText());
        assertTrue(get.get("parameters").get(0).get("required").asBoolean());
        assertEquals("header", get.get("parameters").get(1).get("in").asText());
        assertEquals("public", item.get("delete").get("x-casework-access").asText());
        assertEquals(0, item.get("delete").get("security").size());
        assertTrue(item.get("delete").get("responses").has("204"));
        assertEquals(3, get.get("security").size());
    }

    @Test
    void recordSchemasFollowJacksonShapes() {
        JsonNode widget = generate().get("components").get("schemas").get("Widget");
        JsonNode p = widget.get("properties");
        assertEquals("integer", p.get("id").get("type").asText());
        assertEquals("int64", p.get("id").get("format").asText());
        assertEquals("RED", p.get("colour").get("enum").get(0).asText());
        assertEquals("date-time", p.get("createdAt").get("format").asText());
        assertEquals("date", p.get("due").get("format").asText());
        assertTrue(p.get("tags").get("uniqueItems").asBoolean());
        assertEquals("#/components/schemas/Widget", p.get("parent").get("$ref").asText());
        assertEquals("id", widget.get("required").get(0).asText());
    }

    @Test
    void caseTypeFieldSchemas() {
        JsonNode schemas = generate().get("components").get("schemas");
        JsonNode congress = schemas.get("CaseFields.congress");
        assertEquals("member", congress.get("required").get(0).asText());
        JsonNode p = congress.get("properties");
        assertEquals(120, p.get("member").get("maxLength").asInt());
        assertEquals("Member of Congress", p.get("member").get("title").asText());
        assertEquals(20_000, p.get("summary").get("maxLength").asInt());
        assertEquals("number", p.get("pages").get("type").asText());
        assertEquals(500, p.get("pages").get("maximum").asInt());
        assertEquals("date", p.get("received").get("format").asText());
        assertEquals("boolean", p.get("urgent").get("type").asText());
        assertEquals("email", p.get("channel").get("enum").get(1).asText());
        assertEquals("email", p.get("contact").get("format").asText());
        assertEquals("string", p.get("phone").get("type").asText());
        assertEquals("string", p.get("aNumber").get("type").asText());
        assertTrue(p.get("aNumber").has("maxLength"));
        assertEquals("object", p.get("subject").get("type").asText());
        assertTrue(p.get("subject").get("properties").has("aliases"));
        assertTrue(p.get("address").get("properties").has("postalCode"));
        assertEquals("integer", p.get("related").get("type").asText());
        assertFalse(schemas.get("Problem").get("properties").isEmpty());
    }

    @Test
    void tagsCarryClassDocs() {
        JsonNode tags = generate().get("tags");
        assertEquals("widgets", tags.get(0).get("name").asText());
        assertEquals("Widgets, for the test.", tags.get(0).get("description").asText());
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
