package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.casework.itests.support.CaseworkHttp;
import org.casework.itests.support.CaseworkTestSupport;
import org.casework.itests.support.HttpResult;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The case engine over real HTTP in a booted distribution, with the example case type
 * "congress": create, read, update, transition, conflicts, bad input, need-to-know, and the module
 * coming and going with its feature. Runs on Derby and, in a second execution, on PostgreSQL.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CaseEngineIT extends CaseworkTestSupport {

    private static final String CASES = "/api/v1/cases/congress";

    @Inject
    private FeaturesService features;

    @Before
    public void congressTypeIsThere() throws Exception {
        awaitHealthy();
        if (!features.isInstalled(features.getFeature("casework-congress"))) {
            features.installFeature("casework-congress", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        }
        waitUntil("congress case type registered", BOOT_TIMEOUT,
                () -> admin().get(CASES).status() == 200);
    }

    private static Map<String, Object> inquiry(String subject) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("subject", subject);
        fields.put("member", "Rep. Jane Doe");
        fields.put("chamber", "HOUSE");
        fields.put("receivedOn", LocalDate.now().minusDays(3).toString());
        fields.put("constituent", Map.of("fullName", "Maria Lopez", "dateOfBirth", "1980-02-01"));
        fields.put("aNumber", "A012-345-678");
        return fields;
    }

    private JsonNode create(Map<String, Object> fields) {
        HttpResult r = admin().post(CASES, Map.of("fields", fields));
        assertEquals(r.toString(), 201, r.status());
        return r.json();
    }

    private long total() {
        return admin().get(CASES + "?size=1").json().path("total").asLong();
    }

    private static Set<String> errorFields(HttpResult r) {
        Set<String> out = new TreeSet<>();
        r.json().path("errors").forEach(e -> out.add(e.path("field").asText() + ":" + e.path("rule").asText()));
        return out;
    }

    private static void assertProblem(HttpResult r, int status) {
        assertEquals(r.toString(), status, r.status());
        assertEquals(r.toString(), "application/problem+json",
                r.header("Content-Type").orElse("").split(";")[0].trim());
        assertEquals(status, r.json().path("status").asInt());
        assertFalse(r.json().path("title").asText().isEmpty());
    }

    @Test
    public void typeIsListedWithFieldsAndWorkflow() {
        JsonNode types = admin().get("/api/v1/cases").json();
        JsonNode congress = null;
        for (JsonNode t : types) {
            if (t.path("key").asText().equals("congress")) {
                congress = t;
            }
        }
        assertTrue(types.toString(), congress != null);
        assertEquals("RECEIVED", congress.path("workflow").path("initialState").asText());
        assertEquals("subject", congress.path("fields").get(0).path("key").asText());
        assertTrue(admin().get("/api/v1/health").json().path("modules").toString().contains("congress"));
    }

    @Test
    public void createReadUpdateTransitionAndHistory() {
        JsonNode created = create(inquiry("Detention conditions at Elm Street"));
        long id = created.path("id").asLong();
        assertTrue(created.path("number").asText(), created.path("number").asText().matches("CI-\\d{4}-\\d{6}"));
        assertEquals("RECEIVED", created.path("status").asText());
        assertEquals("012345678", created.path("fields").path("aNumber").asText());

        HttpResult read = admin().get(CASES + "/" + id);
        assertEquals(200, read.status());
        assertEquals(created.path("number"), read.json().path("number"));
        long version = read.json().path("version").asLong();

        HttpResult updated = admin().patch(CASES + "/" + id, Map.of("version", version,
                "fields", Map.of("subject", "Detention conditions (updated)",
                        "constituent", Map.of("fullName", "Maria Lopez Garcia"))));
        assertEquals(updated.toString(), 200, updated.status());
        assertEquals(version + 1, updated.json().path("version").asLong());
        assertEquals("[\"Maria Lopez\"]", updated.json().path("fields").path("constituent").path("aliases").toString());

        HttpResult moved = admin().post(CASES + "/" + id + "/transitions",
                Map.of("transition", "start", "version", version + 1));
        assertEquals(moved.toString(), 200, moved.status());
        assertEquals("IN_PROGRESS", moved.json().path("status").asText());

        HttpResult note = admin().post(CASES + "/" + id + "/notes", Map.of("text", "Called the facility."));
        assertEquals(201, note.status());
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        HttpResult attached = admin().post(CASES + "/" + id + "/attachments?fileName=letter.pdf", pdf, "application/pdf");
        assertEquals(attached.toString(), 201, attached.status());
        HttpResult download = admin().get(CASES + "/" + id + "/attachments/" + attached.json().path("id").asLong() + "/content");
        assertEquals(200, download.status());
        assertTrue(download.header("Content-Disposition").orElse("").startsWith("attachment"));

        JsonNode other = create(inquiry("Related inquiry"));
        HttpResult link = admin().post(CASES + "/" + id + "/links", Map.of("otherCaseId", other.path("id").asLong()));
        assertEquals(link.toString(), 201, link.status());
        assertEquals(created.path("number").asText(),
                admin().get(CASES + "/" + other.path("id").asLong() + "/links").json().get(0).path("otherNumber").asText());

        JsonNode history = admin().get(CASES + "/" + id + "/history").json();
        Set<String> actions = new TreeSet<>();
        history.forEach(h -> actions.add(h.path("action").asText()));
        assertEquals(Set.of("created", "updated", "transitioned", "note-added", "attachment-added", "linked"), actions);

        HttpResult found = admin().get(CASES + "?q=lopez%20garcia&status=IN_PROGRESS&sort=receivedOn,asc");
        assertEquals(found.toString(), 200, found.status());
        assertEquals(1, found.json().path("total").asLong());
        assertEquals(id, found.json().path("items").get(0).path("id").asLong());
        assertEquals(1, admin().get(CASES + "?f.aNumber=A012345678&q=maria%20lopez&status=IN_PROGRESS").json().path("total").asLong());
    }

    @Test
    public void staleEditIsAConflictNamingTheCurrentVersion() {
        JsonNode created = create(inquiry("Conflict"));
        long id = created.path("id").asLong();
        long version = created.path("version").asLong();
        assertEquals(200, admin().patch(CASES + "/" + id,
                Map.of("version", version, "fields", Map.of("subject", "First edit"))).status());

        HttpResult stale = admin().patch(CASES + "/" + id,
                Map.of("version", version, "fields", Map.of("subject", "Second edit")));
        assertProblem(stale, 409);
        assertTrue(stale.body(), stale.json().path("title").asText().contains(Long.toString(version + 1)));
        assertEquals("First edit", admin().get(CASES + "/" + id).json().path("fields").path("subject").asText());
    }

    @Test
    public void forbiddenTransitionIsRefused() {
        JsonNode created = create(inquiry("Workflow"));
        HttpResult r = admin().post(CASES + "/" + created.path("id").asLong() + "/transitions",
                Map.of("transition", "close", "version", created.path("version").asLong()));
        assertProblem(r, 422);
        assertEquals(Set.of("transition:notAllowed"), errorFields(r));
        HttpResult reasonless = admin().post(CASES + "/" + created.path("id").asLong() + "/transitions",
                Map.of("transition", "reopen", "version", created.path("version").asLong()));
        assertProblem(reasonless, 400);
        assertEquals(Set.of("comment:required"), errorFields(reasonless));
    }

    @Test
    public void badInputIsAProblemNamingTheFieldAndWritesNothing() {
        long before = total();

        HttpResult malformed = admin().post(CASES, "{\"fields\": {\"subject\": ");
        assertProblem(malformed, 400);

        HttpResult unknownTop = admin().post(CASES, Map.of("fields", inquiry("x"), "colour", "red"));
        assertProblem(unknownTop, 400);
        assertTrue(unknownTop.body(), unknownTop.body().contains("colour"));

        Map<String, Object> bad = inquiry("x".repeat(201));
        bad.put("chamber", "LORDS");
        bad.put("receivedOn", LocalDate.now().plusDays(2).toString());
        bad.put("aNumber", "A12B45678");
        bad.put("replyTo", 42);
        bad.put("colour", "red");
        bad.remove("member");
        HttpResult invalid = admin().post(CASES, Map.of("fields", bad));
        assertProblem(invalid, 400);
        assertEquals(Set.of("fields.aNumber:aNumber", "fields.chamber:option", "fields.colour:unknown",
                "fields.member:required", "fields.receivedOn:notInFuture", "fields.replyTo:type",
                "fields.subject:maxLength"), errorFields(invalid));

        HttpResult wrongShape = admin().post(CASES, "{\"fields\": [1, 2]}");
        assertProblem(wrongShape, 400);
        assertProblem(admin().post(CASES, "{\"fields\":" + "[".repeat(5000) + "]".repeat(5000) + "}"), 400);
        assertProblem(admin().post(CASES, Map.of("fields", Map.of("subject", "x", "member", "y", "chamber", "HOUSE",
                "receivedOn", "2026-02-30"))), 400);

        assertEquals(before, total());

        JsonNode c = create(inquiry("Uploads"));
        String attachments = CASES + "/" + c.path("id").asLong() + "/attachments?fileName=invoice.pdf";
        HttpResult exe = admin().post(attachments, new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}, "application/pdf");
        assertProblem(exe, 400);
        assertEquals(Set.of("file:executable"), errorFields(exe));
        HttpResult big = admin().post(attachments, new byte[21 * 1024 * 1024], "application/pdf");
        assertProblem(big, 413);
        assertEquals(0, admin().get(CASES + "/" + c.path("id").asLong() + "/attachments").json().size());

        assertProblem(admin().get(CASES + "?size=5000&sort=shoeSize"), 400);
        assertProblem(admin().get(CASES + "/not-a-number"), 404);
        assertProblem(admin().get("/api/v1/cases/no-such-type"), 404);
    }

    @Test
    public void callersWithoutTheTypesRolesCannotSeeItsCases() {
        JsonNode c = create(inquiry("Need to know"));
        String name = "aud" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Long-enough-" + UUID.randomUUID();
        HttpResult user = admin().post("/api/v1/users", Map.of("username", name, "fullName", "An Auditor",
                "email", name + "@example.org", "roles", List.of("auditor"), "divisions", List.of(), "password", password));
        assertEquals(user.toString(), 201, user.status());
        CaseworkHttp auditor = http().as(name, password);

        assertProblem(auditor.get(CASES + "/" + c.path("id").asLong()), 404);
        assertProblem(auditor.get(CASES), 404);
        assertProblem(auditor.post(CASES, Map.of("fields", inquiry("not allowed"))), 404);
        assertFalse(auditor.get("/api/v1/cases").body().contains("congress"));
    }

    @Test
    public void moduleComesAndGoesWithItsFeatureAndKeepsItsData() throws Exception {
        JsonNode kept = create(inquiry("Survives uninstall"));
        EnumSet<FeaturesService.Option> options = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);
        // the rest of the API keeps answering while the module comes and goes
        List<Integer> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean polling = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread poller = new Thread(() -> {
            while (polling.get()) {
                statuses.add(admin().get("/api/v1/users?size=1").status());
            }
        }, "api-poller");
        poller.start();
        try {
            features.uninstallFeature("casework-congress", options);
            waitUntil("congress REST gone", Duration.ofSeconds(60), () -> admin().get(CASES).status() == 404);
            waitUntil("congress console entry gone", Duration.ofSeconds(30),
                    () -> !admin().get("/api/v1/console/modules").body().contains("congress"));
            assertFalse(admin().get("/api/v1/health").json().path("modules").toString().contains("congress"));
        } finally {
            features.installFeature("casework-congress", options);
        }
        waitUntil("congress REST back", Duration.ofSeconds(60), () -> admin().get(CASES).status() == 200);
        waitUntil("congress console entry back", Duration.ofSeconds(30),
                () -> admin().get("/api/v1/console/modules").body().contains("congress"));
        polling.set(false);
        poller.join(10_000);
        assertTrue("requests made during the change: " + statuses.size(), statuses.size() > 5);
        assertEquals("statuses seen while the module changed", Set.of(200), Set.copyOf(statuses));
        HttpResult again = admin().get(CASES + "/" + kept.path("id").asLong());
        assertEquals(again.toString(), 200, again.status());
        assertEquals("Survives uninstall", again.json().path("fields").path("subject").asText());
    }
}
