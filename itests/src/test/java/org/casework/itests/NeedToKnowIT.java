package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Need-to-know and field-level security over real HTTP in a booted distribution, with the example
 * type "congress" (granted to staff by its own role lists) and its field "sensitiveNotes", which
 * only the division "ocr" may read and set: hidden cases answer 404, the owning division is
 * recorded, restricted fields are absent for others and writing one is refused and audited.
 * Runs on Derby and, in a second execution, on PostgreSQL.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NeedToKnowIT extends CaseworkTestSupport {

    private static final String CASES = "/api/v1/cases/congress";
    private static final String AUDIT = "/api/v1/audit";
    private static final String SECRET = "Source is a facility guard, name withheld";

    @Inject
    private FeaturesService features;

    @Before
    public void congressTypeIsThere() throws Exception {
        awaitHealthy();
        if (!features.isInstalled(features.getFeature("casework-congress"))) {
            features.installFeature("casework-congress", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        }
        waitUntil("congress case type registered", BOOT_TIMEOUT, () -> admin().get(CASES).status() == 200);
    }

    /** A user made for one test, and a client signed in as them. */
    private record Account(String name, CaseworkHttp http) {
    }

    /** A new user with the roles and divisions, signed in. */
    private Account account(String prefix, List<String> roles, List<String> divisions) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        String password = "Long-enough-" + UUID.randomUUID();
        HttpResult created = admin().post("/api/v1/users", Map.of("username", name, "fullName", "Test " + name,
                "email", name + "@example.org", "roles", roles, "divisions", divisions, "password", password));
        assertEquals(created.toString(), 201, created.status());
        return new Account(name, http().as(name, password));
    }

    private CaseworkHttp user(String prefix, List<String> roles, List<String> divisions) {
        return account(prefix, roles, divisions).http();
    }

    private static Map<String, Object> inquiry(String subject) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("subject", subject);
        fields.put("member", "Rep. Jane Doe");
        fields.put("chamber", "SENATE");
        fields.put("receivedOn", LocalDate.now().minusDays(1).toString());
        return fields;
    }

    private static JsonNode created(HttpResult r) {
        assertEquals(r.toString(), 201, r.status());
        return r.json();
    }

    private static void assertProblem(HttpResult r, int status) {
        assertEquals(r.toString(), status, r.status());
        assertEquals(r.toString(), "application/problem+json",
                r.header("Content-Type").orElse("").split(";")[0].trim());
    }

    private static Set<String> errorFields(HttpResult r) {
        Set<String> out = new TreeSet<>();
        r.json().path("errors").forEach(e -> out.add(e.path("field").asText()));
        return out;
    }

    private long adminTotal() {
        return admin().get(CASES + "?size=1").json().path("total").asLong();
    }

    /** The audit entries of one actor on one case, newest first. */
    private JsonNode auditOf(String actor, long caseId) {
        HttpResult r = admin().get(AUDIT + "?actor=" + actor + "&recordId=" + caseId + "&size=50");
        assertEquals(r.toString(), 200, r.status());
        return r.json().path("items");
    }

    private static JsonNode congressType(CaseworkHttp who) {
        for (JsonNode t : who.get("/api/v1/cases").json()) {
            if (t.path("key").asText().equals("congress")) {
                return t;
            }
        }
        throw new AssertionError("congress type not listed");
    }

    private static JsonNode field(JsonNode type, String key) {
        for (JsonNode f : type.path("fields")) {
            if (f.path("key").asText().equals(key)) {
                return f;
            }
        }
        throw new AssertionError("no field " + key);
    }

    @Test
    public void aCaseTheCallerMayNotSeeIsNotFoundAndTheDenialIsAudited() {
        long id = created(admin().post(CASES, Map.of("fields", inquiry("Hidden from outsiders")))).path("id").asLong();
        Account account = account("out", List.of("auditor"), List.of());
        CaseworkHttp outsider = account.http();
        String name = account.name();

        for (String path : List.of("", "/history", "/notes", "/links", "/attachments", "/grants")) {
            assertProblem(outsider.get(CASES + "/" + id + path), 404);
        }
        assertProblem(outsider.get(CASES + "/" + (id + 1_000_000)), 404);
        assertProblem(outsider.patch(CASES + "/" + id, Map.of("version", 1, "fields", Map.of("subject", "x"))), 404);
        assertProblem(outsider.get(CASES), 404);

        JsonNode entries = auditOf(name, id);
        assertTrue(entries.toString(), entries.size() >= 7);
        for (JsonNode e : entries) {
            assertEquals(e.toString(), "denied", e.path("outcome").asText());
        }
        assertEquals(200, admin().get(CASES + "/" + id + "/grants").status());
    }

    @Test
    public void listCountsMatchWhatIsShown() {
        for (int i = 0; i < 3; i++) {
            created(admin().post(CASES, Map.of("fields", inquiry("Counted " + i))));
        }
        CaseworkHttp staff = user("cnt", List.of("staff"), List.of());
        JsonNode page = staff.get(CASES + "?size=200&q=counted").json();
        assertEquals(page.toString(), page.path("items").size(), page.path("total").asLong());
        assertTrue(page.toString(), page.path("total").asLong() >= 3);
        JsonNode first = staff.get(CASES + "?size=1&q=counted").json();
        assertEquals(page.path("total").asLong(), first.path("total").asLong());
        assertEquals(1, first.path("items").size());
    }

    @Test
    public void theOwningDivisionIsTheOneNamedOrTheCallersOnlyOne() {
        CaseworkHttp two = user("two", List.of("staff"), List.of("ocr", "civil"));
        HttpResult unnamed = two.post(CASES, Map.of("fields", inquiry("Which division?")));
        assertProblem(unnamed, 400);
        assertEquals(Set.of("division"), errorFields(unnamed));
        assertEquals("civil", created(two.post(CASES + "?division=civil", Map.of("fields", inquiry("Civil"))))
                .path("ownerDivision").asText());
        HttpResult foreign = two.post(CASES + "?division=nsl", Map.of("fields", inquiry("Not mine")));
        assertProblem(foreign, 400);
        assertEquals(Set.of("division"), errorFields(foreign));

        CaseworkHttp ocr = user("ocr", List.of("staff"), List.of("ocr"));
        assertEquals("ocr", created(ocr.post(CASES, Map.of("fields", inquiry("Ocr's")))).path("ownerDivision").asText());
        CaseworkHttp plain = user("pln", List.of("staff"), List.of());
        JsonNode nobodys = created(plain.post(CASES, Map.of("fields", inquiry("Nobody's")))).path("ownerDivision");
        assertTrue(nobodys.toString(), nobodys.isNull() || nobodys.isMissingNode());
    }

    @Test
    public void aRestrictedFieldIsAbsentForOthersAndTheTypeSaysSo() {
        CaseworkHttp ocr = user("ocr", List.of("staff"), List.of("ocr"));
        CaseworkHttp plain = user("pln", List.of("staff"), List.of());
        Map<String, Object> fields = inquiry("Detention visit, sensitive");
        fields.put("sensitiveNotes", SECRET);
        JsonNode c = created(ocr.post(CASES, Map.of("fields", fields)));
        long id = c.path("id").asLong();
        assertEquals(SECRET, c.path("fields").path("sensitiveNotes").asText());
        HttpResult changed = ocr.patch(CASES + "/" + id, Map.of("version", c.path("version").asLong(),
                "fields", Map.of("sensitiveNotes", SECRET + " (confirmed)")));
        assertEquals(changed.toString(), 200, changed.status());

        HttpResult seen = plain.get(CASES + "/" + id);
        assertEquals(seen.toString(), 200, seen.status());
        assertFalse(seen.body(), seen.body().contains("sensitiveNotes"));
        assertFalse(seen.body(), seen.body().contains("facility guard"));
        assertEquals("Detention visit, sensitive", seen.json().path("fields").path("subject").asText());
        String listed = plain.get(CASES + "?size=200").body();
        assertFalse(listed.contains("facility guard"));
        String history = plain.get(CASES + "/" + id + "/history").body();
        assertFalse(history, history.contains("sensitiveNotes"));
        assertFalse(history, history.contains("facility guard"));
        assertTrue(ocr.get(CASES + "/" + id + "/history").body().contains("sensitiveNotes"));
        assertEquals(SECRET + " (confirmed)", ocr.get(CASES + "/" + id).json().path("fields").path("sensitiveNotes").asText());

        JsonNode forPlain = field(congressType(plain), "sensitiveNotes");
        assertFalse(forPlain.path("readable").asBoolean());
        assertFalse(forPlain.path("editable").asBoolean());
        assertTrue(field(congressType(plain), "subject").path("editable").asBoolean());
        JsonNode forOcr = field(congressType(ocr), "sensitiveNotes");
        assertTrue(forOcr.path("readable").asBoolean());
        assertTrue(forOcr.path("editable").asBoolean());

        HttpResult filter = plain.get(CASES + "?f.sensitiveNotes=x");
        assertProblem(filter, 400);
        assertEquals(Set.of("f.sensitiveNotes"), errorFields(filter));
        HttpResult sort = plain.get(CASES + "?sort=sensitiveNotes,asc");
        assertProblem(sort, 400);
        assertEquals(Set.of("sort"), errorFields(sort));
        assertEquals(0, plain.get(CASES + "?q=guard").json().path("total").asLong());
        assertEquals(0, ocr.get(CASES + "?q=guard").json().path("total").asLong());
    }

    @Test
    public void writingARestrictedFieldIsRefusedAuditedAndChangesNothing() {
        CaseworkHttp ocr = user("ocr", List.of("staff"), List.of("ocr"));
        Account plainAccount = account("pln", List.of("staff"), List.of());
        CaseworkHttp plain = plainAccount.http();
        Map<String, Object> fields = inquiry("Write attempt");
        fields.put("sensitiveNotes", SECRET);
        JsonNode c = created(ocr.post(CASES, Map.of("fields", fields)));
        long id = c.path("id").asLong();
        long version = c.path("version").asLong();

        HttpResult refused = plain.patch(CASES + "/" + id, Map.of("version", version,
                "fields", Map.of("subject", "Taken over", "sensitiveNotes", "overwritten")));
        assertProblem(refused, 403);
        assertTrue(refused.body(), refused.json().path("type").asText().endsWith("forbidden-field"));
        assertEquals(Set.of("fields.sensitiveNotes"), errorFields(refused));
        HttpResult sameValue = plain.patch(CASES + "/" + id, Map.of("version", version,
                "fields", Map.of("sensitiveNotes", SECRET)));
        assertProblem(sameValue, 403);

        JsonNode after = ocr.get(CASES + "/" + id).json();
        assertEquals(version, after.path("version").asLong());
        assertEquals("Write attempt", after.path("fields").path("subject").asText());
        assertEquals(SECRET, after.path("fields").path("sensitiveNotes").asText());

        long before = adminTotal();
        Map<String, Object> smuggled = inquiry("Smuggled");
        smuggled.put("sensitiveNotes", "planted");
        assertProblem(plain.post(CASES, Map.of("fields", smuggled)), 403);
        assertEquals(before, adminTotal());

        JsonNode entries = auditOf(plainAccount.name(), id);
        assertEquals(entries.toString(), 2, entries.size());
        for (JsonNode e : entries) {
            assertEquals("denied", e.path("outcome").asText());
            assertEquals("update", e.path("action").asText());
            assertTrue(e.toString(), e.path("detail").asText().contains("fields.sensitiveNotes"));
            assertFalse(e.toString(), e.toString().contains("overwritten"));
        }

        // Someone who cannot see the field changes the rest: the hidden value stays.
        HttpResult edited = plain.patch(CASES + "/" + id, Map.of("version", version,
                "fields", Map.of("subject", "Edited by staff")));
        assertEquals(edited.toString(), 200, edited.status());
        assertFalse(edited.body().contains("sensitiveNotes"));
        JsonNode kept = ocr.get(CASES + "/" + id).json();
        assertEquals("Edited by staff", kept.path("fields").path("subject").asText());
        assertEquals(SECRET, kept.path("fields").path("sensitiveNotes").asText());
    }
}
