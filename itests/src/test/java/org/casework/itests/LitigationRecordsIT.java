package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.casework.itests.support.CaseworkHttp;
import org.casework.itests.support.CaseworkTestSupport;
import org.casework.itests.support.HttpResult;
import org.casework.itests.support.Wait;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The repeating records of litigation cases over real HTTP: people with also-known-as names,
 * memoranda from draft to final, dispositions per level, A-File transfers moving the case's
 * location, date rules on applications and visas, documents filed by category, the respondent's
 * age, and need-to-know (external users read only, another division's case is missing). Runs on
 * Derby and, in a second execution, on PostgreSQL.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LitigationRecordsIT extends CaseworkTestSupport {

    private static final String IMM = "/api/v1/cases/immigration-case";
    private static final String FED = "/api/v1/cases/federal-litigation";
    private static final String LIT = "/api/v1/litigation/cases/";

    @Inject
    private FeaturesService features;

    @Before
    public void litigationIsInstalled() throws Exception {
        awaitHealthy();
        if (!features.isInstalled(features.getFeature("casework-litigation"))) {
            features.installFeature("casework-litigation", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        }
        waitUntil("litigation records served", BOOT_TIMEOUT, () -> admin().get(IMM).status() == 200
                && admin().get(LIT + "999999999/people").status() == 404
                && admin().get(LIT + "999999999/respondent").status() == 404);
    }

    private CaseworkHttp user(String role, String division) {
        String name = role.substring(0, 3) + UUID.randomUUID().toString().substring(0, 8);
        String password = "Long-enough-" + UUID.randomUUID();
        HttpResult created = admin().post("/api/v1/users", Map.of("username", name, "fullName", "Test " + name,
                "email", name + "@example.org", "roles", List.of(role), "divisions", List.of(division),
                "password", password));
        assertEquals(created.toString(), 201, created.status());
        return http().as(name, password);
    }

    private static JsonNode created(HttpResult r) {
        assertEquals(r.toString(), 201, r.status());
        return r.json();
    }

    private static JsonNode ok(HttpResult r) {
        assertEquals(r.toString(), 200, r.status());
        return r.json();
    }

    private static Set<String> errorFields(HttpResult r) {
        Set<String> out = new TreeSet<>();
        r.json().path("errors").forEach(e -> out.add(e.path("field").asText()));
        return out;
    }

    private static void assertRefused(HttpResult r, int status, String field) {
        assertEquals(r.toString(), status, r.status());
        assertTrue(r.toString(), errorFields(r).contains(field));
    }

    private JsonNode immigrationCase(CaseworkHttp who, String name, String dateOfBirth) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("aNumber", String.format("%09d", ThreadLocalRandom.current().nextInt(1, 999_999_999)));
        f.put("respondent", Map.of("fullName", name, "dateOfBirth", dateOfBirth));
        f.put("aFileLocation", "NRC Lee's Summit");
        return created(who.post(IMM, Map.of("fields", f)));
    }

    private static Map<String, Object> person(String role, String name, Object version) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("role", role);
        p.put("fullName", name);
        p.put("organisation", "Ruiz Immigration Law");
        p.put("businessAddress", "1 Market St, San Francisco");
        p.put("businessPhone", "+1 415 555 0100");
        p.put("businessEmail", "ana@example.org");
        if (version != null) {
            p.put("version", version);
        }
        return p;
    }

    @Test
    public void aRenamedPersonKeepsTheOldNameAsAlsoKnownAs() {
        CaseworkHttp attorney = user("attorney", "occ-sf");
        long id = immigrationCase(attorney, "Maria Lopez", "1990-04-02").path("id").asLong();
        JsonNode p = created(attorney.post(LIT + id + "/people", person("PRIVATE_ATTORNEY", "Ana Ruiz", null)));
        JsonNode renamed = ok(attorney.put(LIT + id + "/people/" + p.path("id").asLong(),
                person("PRIVATE_ATTORNEY", "Ana Ruiz-Soto", p.path("version").asLong())));
        assertEquals("Ana Ruiz-Soto", renamed.path("fullName").asText());
        assertEquals("[\"Ana Ruiz\"]", renamed.path("aliases").toString());

        HttpResult stale = attorney.put(LIT + id + "/people/" + p.path("id").asLong(),
                person("PRIVATE_ATTORNEY", "Someone Else", p.path("version").asLong()));
        assertRefused(stale, 409, "version");
        JsonNode list = ok(attorney.get(LIT + id + "/people?sort=fullName,asc"));
        assertEquals(1, list.path("total").asLong());
        assertEquals("Ana Ruiz-Soto", list.path("items").get(0).path("fullName").asText());
        assertRefused(attorney.post(LIT + id + "/people", person("ASTRONAUT", "X", null)), 400, "role");

        JsonNode history = ok(admin().get("/api/v1/audit?recordType=immigration-case&recordId=" + id));
        assertTrue("the rename is audited: " + history, history.toString().contains("person " + p.path("id").asLong()
                + " changed"));

        assertEquals(204, attorney.delete(LIT + id + "/people/" + p.path("id").asLong() + "?version="
                + renamed.path("version").asLong()).status());
        assertEquals(0, ok(attorney.get(LIT + id + "/people")).path("total").asLong());
    }

    @Test
    public void aFinalMemorandumCannotBeEdited() {
        CaseworkHttp attorney = user("attorney", "occ-sf");
        long id = immigrationCase(attorney, "Jose Perez", "1985-01-20").path("id").asLong();
        JsonNode draft = created(attorney.post(LIT + id + "/memoranda", Map.of("title", "Bond strategy",
                "body", "First thoughts")));
        assertEquals("DRAFT", draft.path("status").asText());
        String path = LIT + id + "/memoranda/" + draft.path("id").asLong();
        JsonNode fin = ok(attorney.put(path, Map.of("title", "Bond strategy", "body", "Settled view",
                "status", "FINAL", "version", draft.path("version").asLong())));
        assertEquals("FINAL", fin.path("status").asText());
        assertTrue(fin.path("finalizedAt").isTextual());

        assertRefused(attorney.put(path, Map.of("title", "Bond strategy", "body", "Rewritten", "status", "DRAFT",
                "version", fin.path("version").asLong())), 422, "status");
        assertRefused(attorney.delete(path + "?version=" + fin.path("version").asLong()), 422, "status");
        assertEquals("Settled view", ok(attorney.get(path)).path("body").asText());
        assertRefused(attorney.post(LIT + id + "/memoranda", Map.of("title", "Nothing in it")), 400, "body");
    }

    @Test
    public void aDispositionAtTheBoard() {
        CaseworkHttp attorney = user("attorney", "occ-sf");
        long id = immigrationCase(attorney, "Lucia Gomez", "1979-11-30").path("id").asLong();
        created(attorney.post(LIT + id + "/actions", Map.of("level", "IMMIGRATION_JUDGE", "date", "2025-03-01",
                "action", "Individual hearing", "disposition", "Removal ordered", "decisionMaker", "IJ Smith")));
        JsonNode appeal = created(attorney.post(LIT + id + "/actions", Map.of("level", "BIA", "date", "2025-04-01",
                "action", "Appeal filed")));
        JsonNode decided = ok(attorney.put(LIT + id + "/actions/" + appeal.path("id").asLong(), Map.of("level", "BIA",
                "date", "2025-04-01", "action", "Appeal filed", "disposition", "Dismissed",
                "decisionMaker", "Board panel", "version", appeal.path("version").asLong())));
        assertEquals("Dismissed", decided.path("disposition").asText());
        JsonNode list = ok(attorney.get(LIT + id + "/actions?sort=date,desc"));
        assertEquals(2, list.path("total").asLong());
        assertEquals("BIA", list.path("items").get(0).path("level").asText());
        assertRefused(attorney.post(LIT + id + "/actions", Map.of("level", "BIA", "date",
                LocalDate.now().plusDays(30).toString(), "action", "Future")), 400, "date");
    }

    @Test
    public void anAFileTransferMovesTheFileAndIsKeptAsHistory() {
        CaseworkHttp attorney = user("attorney", "occ-sf");
        long id = immigrationCase(attorney, "Pedro Diaz", "1992-07-07").path("id").asLong();
        JsonNode t = created(attorney.post(LIT + id + "/a-file-transfers", Map.of("toLocation", "OCC San Francisco",
                "date", LocalDate.now().minusDays(1).toString())));
        assertEquals("NRC Lee's Summit", t.path("fromLocation").asText());
        JsonNode kase = ok(attorney.get(IMM + "/" + id));
        assertEquals("OCC San Francisco", kase.path("fields").path("aFileLocation").asText());
        JsonNode history = ok(attorney.get(IMM + "/" + id + "/history"));
        assertTrue("the case's history shows the move: " + history, history.toString().contains("OCC San Francisco"));
        assertEquals(1, ok(attorney.get(LIT + id + "/a-file-transfers")).path("total").asLong());
        assertEquals(422, attorney.delete(LIT + id + "/a-file-transfers/" + t.path("id").asLong() + "?version="
                + t.path("version").asLong()).status());
        assertRefused(attorney.post(LIT + id + "/a-file-transfers", Map.of("date", "2025-01-01")), 400, "toLocation");
    }

    @Test
    public void applicationsVisasAndDocumentsKeepTheirDatesInOrder() {
        CaseworkHttp attorney = user("attorney", "occ-sf");
        long id = immigrationCase(attorney, "Rosa Chavez", "2000-02-29").path("id").asLong();
        HttpResult bad = attorney.post(LIT + id + "/applications", Map.of("type", "I-765", "receivedDate",
                "2025-01-10", "workAuthorizationGranted", true, "workAuthorizationFrom", "2025-06-01",
                "workAuthorizationTo", "2025-05-01"));
        assertRefused(bad, 400, "workAuthorizationTo");
        assertEquals(0, ok(attorney.get(LIT + id + "/applications")).path("total").asLong());
        assertRefused(attorney.post(LIT + id + "/applications", Map.of("type", "I-589", "filedDate", "yesterday")),
                400, "filedDate");
        JsonNode app = created(attorney.post(LIT + id + "/applications", Map.of("type", "I-765", "receivedDate",
                "2025-01-10", "filedDate", "2025-01-12", "decision", "GRANTED", "decisionDate", "2025-05-20",
                "workAuthorizationGranted", true, "workAuthorizationFrom", "2025-06-01",
                "workAuthorizationTo", "2027-05-31")));
        assertEquals("GRANTED", app.path("decision").asText());

        assertRefused(attorney.post(LIT + id + "/visas", Map.of("visaType", "B-2", "status", "ISSUED",
                "issueDate", "2024-02-01", "expiryDate", "2024-01-01")), 400, "expiryDate");
        created(attorney.post(LIT + id + "/visas", Map.of("visaType", "B-2", "status", "ISSUED",
                "applicationDate", "2024-01-02", "issueDate", "2024-02-01", "expiryDate", "2034-01-31")));

        byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        long attachment = created(attorney.post(IMM + "/" + id + "/attachments?fileName=nta.pdf", pdf,
                "application/pdf")).path("id").asLong();
        JsonNode doc = created(attorney.post(LIT + id + "/documents", Map.of("attachmentId", attachment,
                "category", "CHARGING_DOCUMENT", "title", "Notice to Appear")));
        assertEquals("CHARGING_DOCUMENT", doc.path("category").asText());
        assertRefused(attorney.post(LIT + id + "/documents", Map.of("attachmentId", attachment + 1000,
                "category", "EVIDENCE")), 400, "attachmentId");

        JsonNode respondent = ok(attorney.get(LIT + id + "/respondent"));
        assertEquals("2000-02-29", respondent.path("dateOfBirth").asText());
        assertTrue(respondent.path("age").asInt() >= 25);
        assertRefused(attorney.patch(IMM + "/" + id, Map.of("version", ok(attorney.get(IMM + "/" + id))
                .path("version").asLong(), "fields", Map.of("respondent", Map.of("fullName", "Rosa Chavez",
                "dateOfBirth", LocalDate.now().plusDays(2).toString())))), 400, "fields.respondent.dateOfBirth");
    }

    @Test
    public void externalUsersReadOnlyAndOtherDivisionsSeeNothing() {
        CaseworkHttp attorney = user("attorney", "occ-sf");
        CaseworkHttp ero = user("external-readonly", "ero");
        long id = immigrationCase(attorney, "Ana Torres", "1988-08-08").path("id").asLong();
        JsonNode note = created(attorney.post(LIT + id + "/phase-notes", Map.of("phase", "PRE_TRIAL",
                "text", "Witness list due")));

        assertEquals(1, ok(ero.get(LIT + id + "/phase-notes")).path("total").asLong());
        for (HttpResult w : List.of(
                ero.post(LIT + id + "/phase-notes", Map.of("phase", "TRIAL", "text", "from outside")),
                ero.put(LIT + id + "/phase-notes/" + note.path("id").asLong(), Map.of("phase", "TRIAL", "text", "x",
                        "version", note.path("version").asLong())),
                ero.delete(LIT + id + "/phase-notes/" + note.path("id").asLong() + "?version="
                        + note.path("version").asLong()),
                ero.post(LIT + id + "/people", person("WITNESS", "W", null)),
                ero.post(LIT + id + "/a-file-transfers", Map.of("toLocation", "ERO", "date", "2025-01-01")))) {
            assertEquals(w.toString(), 403, w.status());
        }
        assertEquals("Witness list due", ok(attorney.get(LIT + id + "/phase-notes/" + note.path("id").asLong()))
                .path("text").asText());

        long fed = created(attorney.post(FED, Map.of("fields", Map.of("caption", "Doe v. United States",
                "subtype", "FTCA")))).path("id").asLong();
        created(attorney.post(LIT + fed + "/people", person("GOVERNMENT_ATTORNEY", "AUSA Kim", null)));
        CaseworkHttp other = user("attorney", "nsls");
        assertEquals(404, other.get(LIT + fed + "/people").status());
        assertEquals(404, other.post(LIT + fed + "/people", person("WITNESS", "W", null)).status());
        assertEquals(404, attorney.get(LIT + fed + "/a-file-transfers").status());
    }

    @Test
    public void theEndpointsAreInTheOpenApiDocument() {
        HttpResult doc = Wait.forValue("openapi.json lists the case-record paths", BOOT_TIMEOUT,
                () -> http().get("/api/v1/openapi.json"),
                r -> r.status() == 200 && r.json().path("paths").has("/litigation/cases/{id}/people"));
        JsonNode paths = doc.json().path("paths");
        for (String kind : List.of("people", "phase-notes", "memoranda", "actions", "applications", "visas",
                "documents")) {
            assertTrue(kind, paths.path("/litigation/cases/{id}/" + kind + "/{recordId}").has("put"));
            assertTrue(kind, paths.path("/litigation/cases/{id}/" + kind).has("post"));
        }
        assertTrue(paths.has("/litigation/cases/{id}/a-file-transfers"));
        assertTrue(paths.has("/litigation/cases/{id}/respondent"));
        assertTrue("hearings are still served beside the records", paths.has("/litigation/cases/{id}/hearings"));
    }
}
