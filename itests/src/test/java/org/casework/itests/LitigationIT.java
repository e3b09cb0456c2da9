package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
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
 * The litigation and projects modules over real HTTP in a booted distribution: one immigration
 * case per A-Number (also under two simultaneous creates), placeholder projects becoming cases
 * with nothing lost, division-only federal cases, external read-only users, also-known-as names,
 * national-security fields, hearings and due dates. Runs on Derby and, in a second execution, on
 * PostgreSQL.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LitigationIT extends CaseworkTestSupport {

    private static final String IMM = "/api/v1/cases/immigration-case";
    private static final String FED = "/api/v1/cases/federal-litigation";
    private static final String PROJECTS = "/api/v1/cases/project";
    private static final String LIT = "/api/v1/litigation";

    @Inject
    private FeaturesService features;

    @Before
    public void litigationIsInstalled() throws Exception {
        awaitHealthy();
        if (!features.isInstalled(features.getFeature("casework-litigation"))) {
            features.installFeature("casework-litigation", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        }
        waitUntil("litigation served", BOOT_TIMEOUT, () -> admin().get(IMM).status() == 200
                && admin().get(PROJECTS).status() == 200
                && admin().get(LIT + "/a-numbers/A000000001").status() == 404);
    }

    /** A new user with one role and one division, signed in. */
    private CaseworkHttp user(String role, String division) {
        String name = role.substring(0, 3) + UUID.randomUUID().toString().substring(0, 8);
        String password = "Long-enough-" + UUID.randomUUID();
        HttpResult created = admin().post("/api/v1/users", Map.of("username", name, "fullName", "Test " + name,
                "email", name + "@example.org", "roles", List.of(role), "divisions", List.of(division),
                "password", password));
        assertEquals(created.toString(), 201, created.status());
        return http().as(name, password);
    }

    /** A random nine-digit A-Number, so a rerun in the same database never collides. */
    private static String newANumber() {
        return String.format("%09d", ThreadLocalRandom.current().nextInt(1, 999_999_999));
    }

    private static String dashed(String nine) {
        return "A" + nine.substring(0, 3) + "-" + nine.substring(3, 6) + "-" + nine.substring(6);
    }

    private static Map<String, Object> immigration(String aNumber, String name) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (aNumber != null) {
            f.put("aNumber", aNumber);
        }
        f.put("respondent", Map.of("fullName", name, "dateOfBirth", "1990-04-02"));
        f.put("nationality", "Honduras");
        f.put("language", "Spanish");
        f.put("custodyStatus", "DETAINED");
        return f;
    }

    private static JsonNode created(HttpResult r) {
        assertEquals(r.toString(), 201, r.status());
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

    private long total(String path) {
        HttpResult r = admin().get(path);
        assertEquals(r.toString(), 200, r.status());
        return r.json().path("total").asLong();
    }

    @Test
    public void oneCasePerANumberWhateverWayItIsWritten() {
        CaseworkHttp attorney = user("attorney", "occ-sf");
        String a = newANumber();
        JsonNode first = created(attorney.post(IMM, Map.of("fields", immigration(dashed(a), "Maria Lopez"))));
        assertEquals("stored as nine digits", a, first.path("fields").path("aNumber").asText());
        assertTrue(first.path("number").asText().startsWith("IMM-"));

        HttpResult found = attorney.get(LIT + "/a-numbers/" + dashed(a));
        assertEquals(found.toString(), 200, found.status());
        assertEquals(first.path("id").asLong(), found.json().path("id").asLong());

        HttpResult again = user("support-staff", "occ-ny").post(IMM, Map.of("fields", immigration(a, "Maria L.")));
        assertRefused(again, 409, "fields.aNumber");
        assertTrue("the existing case is named to a reader: " + again,
                again.body().contains(first.path("number").asText()));
        assertEquals(1, total(IMM + "?f.aNumber=" + a));

        assertRefused(attorney.post(IMM, Map.of("fields", immigration("A12B456789", "Letters"))), 400, "fields.aNumber");
        assertRefused(attorney.get(LIT + "/a-numbers/A12B456789"), 400, "aNumber");
        assertEquals(404, attorney.get(LIT + "/a-numbers/" + newANumber()).status());

        HttpResult none = attorney.post(IMM, Map.of("fields", immigration(null, "No Number Yet")));
        assertRefused(none, 400, "fields.aNumber");
        assertTrue("the refusal offers a placeholder project: " + none, none.body().contains("placeholder")
                || none.body().contains("Placeholder"));
    }

    @Test
    public void simultaneousCreatesOfOneANumberMakeOneCase() throws Exception {
        List<CaseworkHttp> users = List.of(user("attorney", "occ-sf"), user("attorney", "occ-la"),
                user("support-staff", "occ-ny"));
        // Several rounds, each a fresh A-Number sent by three users at once: at least some of them
        // meet inside the database, where only the unique key can decide.
        for (int round = 0; round < 3; round++) {
            String a = newANumber();
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<HttpResult>> calls = new ArrayList<>();
            for (int i = 0; i < users.size(); i++) {
                CaseworkHttp who = users.get(i);
                String name = "Simultaneous " + round + "-" + i;
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return who.post(IMM, Map.of("fields", immigration(a, name)));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<HttpResult> c : calls) {
                HttpResult r = c.get();
                statuses.add(r.status());
                if (r.status() == 409) {
                    assertTrue(r.toString(), errorFields(r).contains("fields.aNumber"));
                    assertTrue("the winner is named to a reader: " + r, r.body().contains("IMM-"));
                }
            }
            statuses.sort(Integer::compare);
            assertEquals(statuses.toString(), List.of(201, 409, 409), statuses);
            assertEquals(1, total(IMM + "?f.aNumber=" + a));
        }
    }

    @Test
    public void theEndpointsAreInTheOpenApiDocument() {
        HttpResult doc = Wait.forValue("openapi.json lists the litigation paths", BOOT_TIMEOUT,
                () -> http().get("/api/v1/openapi.json"),
                r -> r.status() == 200 && r.json().path("paths").has("/litigation/a-numbers/{aNumber}"));
        JsonNode paths = doc.json().path("paths");
        for (String path : List.of("/litigation/immigration-cases/from-project/{projectId}",
                "/litigation/cases/{id}/hearings", "/litigation/cases/{id}/due-dates")) {
            assertTrue(path, paths.has(path));
        }
        assertTrue(paths.path("/litigation/cases/{id}/hearings").has("post"));
    }

    @Test
    public void aPlaceholderProjectBecomesTheCaseAndNothingIsLost() {
        CaseworkHttp attorney = user("attorney", "occ-sf");
        JsonNode project = created(attorney.post(PROJECTS, Map.of("fields", Map.of(
                "title", "Detained man, A-Number not yet known", "projectType", "IMMIGRATION_PLACEHOLDER",
                "clientOffice", "ERO San Francisco", "person", Map.of("fullName", "Jose Perez")))));
        long projectId = project.path("id").asLong();
        assertEquals(201, attorney.post(PROJECTS + "/" + projectId + "/notes",
                Map.of("text", "Called the detention facility about the file")).status());

        String a = newANumber();
        // a refused conversion writes nothing: no case, no link, the project stays open
        assertRefused(attorney.post(LIT + "/immigration-cases/from-project/" + projectId,
                Map.of("fields", immigration(null, "Jose Perez"))), 400, "fields.aNumber");
        assertEquals(0, attorney.get(PROJECTS + "/" + projectId + "/links").json().size());
        assertEquals("OPEN", attorney.get(PROJECTS + "/" + projectId).json().path("status").asText());

        JsonNode kase = created(attorney.post(LIT + "/immigration-cases/from-project/" + projectId,
                Map.of("fields", immigration(a, "Jose Perez"))));
        long caseId = kase.path("id").asLong();

        JsonNode links = attorney.get(IMM + "/" + caseId + "/links").json();
        assertEquals(links.toString(), 1, links.size());
        assertEquals("project", links.get(0).path("otherType").asText());
        assertEquals("placeholder-for", links.get(0).path("relation").asText());
        long linked = links.get(0).path("otherCaseId").asLong();
        assertEquals(projectId, linked);
        JsonNode notes = attorney.get(PROJECTS + "/" + linked + "/notes").json();
        assertTrue(notes.toString(), notes.toString().contains("Called the detention facility about the file"));
        JsonNode history = attorney.get(PROJECTS + "/" + linked + "/history").json();
        assertTrue(history.toString(), history.toString().contains("created"));
        assertEquals("CLOSED", attorney.get(PROJECTS + "/" + projectId).json().path("status").asText());

        assertRefused(attorney.post(LIT + "/immigration-cases/from-project/" + projectId,
                Map.of("fields", immigration(newANumber(), "Jose Perez"))), 400, "projectId");

        HttpResult audit = admin().get("/api/v1/audit?recordId=" + caseId + "&size=50");
        assertTrue(audit.toString(), audit.body().contains("placeholder project " + project.path("number").asText()));
    }

    @Test
    public void federalAndAdministrativeCasesStayInTheirDivision() {
        CaseworkHttp owner = user("attorney", "occ-sf");
        CaseworkHttp other = user("attorney", "nsls");
        long fed = created(owner.post(FED, Map.of("fields", Map.of("caption", "Doe v. United States",
                "subtype", "FTCA", "docketNumber", "3:26-cv-0101")))).path("id").asLong();
        long adm = created(owner.post("/api/v1/cases/administrative-case", Map.of("fields", Map.of(
                "caption", "Roe EEO complaint", "subtype", "EEO")))).path("id").asLong();

        assertEquals(200, owner.get(FED + "/" + fed).status());
        assertEquals(404, other.get(FED + "/" + fed).status());
        assertEquals(404, other.get("/api/v1/cases/administrative-case/" + adm).status());
        assertEquals(404, other.get(LIT + "/cases/" + fed + "/hearings").status());
        assertEquals(404, other.post(LIT + "/cases/" + fed + "/due-dates",
                Map.of("type", "MOTION", "date", LocalDate.now().plusDays(9).toString())).status());
        assertEquals(0, other.get(FED + "?size=200").json().path("items").findValues("id").stream()
                .filter(n -> n.asLong() == fed).count());
        assertRefused(owner.post(FED, Map.of("fields", Map.of("caption", "Wrong kind", "subtype", "EEO"))),
                400, "fields.subtype");
    }

    @Test
    public void externalUsersReadImmigrationCasesAndNothingElse() {
        CaseworkHttp attorney = user("attorney", "occ-sf");
        CaseworkHttp ero = user("external-readonly", "ero");
        String a = newANumber();
        JsonNode kase = created(attorney.post(IMM, Map.of("fields", immigration(a, "Ana Gomez"))));
        long id = kase.path("id").asLong();
        long fed = created(attorney.post(FED, Map.of("fields", Map.of("caption", "FOIA request suit",
                "subtype", "FOIA")))).path("id").asLong();
        assertEquals(201, attorney.post(LIT + "/cases/" + id + "/hearings",
                Map.of("date", LocalDate.now().plusDays(30).toString(), "type", "MASTER_CALENDAR")).status());

        assertEquals(200, ero.get(IMM + "/" + id).status());
        assertEquals(200, ero.get(LIT + "/a-numbers/" + a).status());
        assertEquals(1, ero.get(LIT + "/cases/" + id + "/hearings").json().path("total").asLong());

        List<HttpResult> writes = List.of(
                ero.post(IMM, Map.of("fields", immigration(newANumber(), "Created by ERO"))),
                ero.patch(IMM + "/" + id, Map.of("version", kase.path("version").asLong(),
                        "fields", Map.of("language", "English"))),
                ero.post(IMM + "/" + id + "/notes", Map.of("text", "from outside")),
                ero.post(IMM + "/" + id + "/transitions", Map.of("transition", "close",
                        "version", kase.path("version").asLong())),
                ero.post(LIT + "/cases/" + id + "/hearings",
                        Map.of("date", LocalDate.now().plusDays(40).toString(), "type", "BOND")),
                ero.post(LIT + "/cases/" + id + "/due-dates",
                        Map.of("type", "BRIEF", "date", LocalDate.now().plusDays(20).toString())),
                ero.post(PROJECTS, Map.of("fields", Map.of("title", "x", "projectType", "OTHER"))));
        for (HttpResult w : writes) {
            assertTrue(w.toString(), w.status() == 403 || w.status() == 404);
        }
        assertEquals(404, ero.get(FED + "/" + fed).status());
        assertEquals(404, ero.get(LIT + "/cases/" + fed + "/hearings").status());
        JsonNode after = admin().get(IMM + "/" + id).json();
        assertEquals(kase.path("version").asLong(), after.path("version").asLong());
        assertEquals(1, total(LIT + "/cases/" + id + "/hearings"));
        assertEquals(0, total(LIT + "/cases/" + id + "/due-dates"));
    }

    @Test
    public void aNewNameIsAddedAndTheOldOneKeptAsAlias() {
        CaseworkHttp attorney = user("attorney", "occ-sf");
        JsonNode kase = created(attorney.post(IMM, Map.of("fields", immigration(newANumber(), "Luis Hernandez"))));
        HttpResult renamed = attorney.patch(IMM + "/" + kase.path("id").asLong(), Map.of(
                "version", kase.path("version").asLong(),
                "fields", Map.of("respondent", Map.of("fullName", "Luis Hernandez Ortiz"))));
        assertEquals(renamed.toString(), 200, renamed.status());
        JsonNode respondent = renamed.json().path("fields").path("respondent");
        assertEquals("Luis Hernandez Ortiz", respondent.path("fullName").asText());
        assertTrue(respondent.toString(), respondent.path("aliases").toString().contains("\"Luis Hernandez\""));
    }

    @Test
    public void onlyTheNationalSecurityLawSectionSetsNationalSecurityFields() {
        CaseworkHttp attorney = user("attorney", "occ-sf");
        CaseworkHttp nsls = user("attorney", "nsls");
        JsonNode kase = created(attorney.post(IMM, Map.of("fields", immigration(newANumber(), "Omar Haddad"))));
        long id = kase.path("id").asLong();
        HttpResult refused = attorney.patch(IMM + "/" + id, Map.of("version", kase.path("version").asLong(),
                "fields", Map.of("nationalSecurityConcern", true)));
        assertRefused(refused, 403, "fields.nationalSecurityConcern");
        HttpResult set = nsls.patch(IMM + "/" + id, Map.of("version", kase.path("version").asLong(),
                "fields", Map.of("nationalSecurityConcern", true, "nationalSecurityNotes", "Reviewed by NSLS")));
        assertEquals(set.toString(), 200, set.status());
        assertTrue(attorney.get(IMM + "/" + id).json().path("fields").path("nationalSecurityConcern").asBoolean());
    }

    @Test
    public void hearingsAndDueDatesAreCheckedPagedAndSorted() {
        CaseworkHttp attorney = user("attorney", "occ-sf");
        long id = created(attorney.post(IMM, Map.of("fields", immigration(newANumber(), "Rosa Diaz"))))
                .path("id").asLong();
        String hearings = LIT + "/cases/" + id + "/hearings";
        String due = LIT + "/cases/" + id + "/due-dates";

        assertRefused(attorney.post(hearings, Map.of("date", LocalDate.now().minusDays(10).toString(),
                "type", "INDIVIDUAL")), 400, "date");
        assertRefused(attorney.post(hearings, Map.of("date", LocalDate.now().plusDays(3).toString(),
                "type", "INDIVIDUAL", "time", "25:00")), 400, "time");
        assertRefused(attorney.post(hearings, Map.of("date", LocalDate.now().plusDays(3).toString())), 400, "type");
        for (int d : new int[] {30, 10, 20}) {
            JsonNode h = created(attorney.post(hearings, Map.of("date", LocalDate.now().plusDays(d).toString(),
                    "time", "09:30", "type", "MASTER_CALENDAR", "location", "San Francisco Immigration Court",
                    "judge", "Judge Alvarez")));
            assertEquals("09:30", h.path("time").asText());
        }
        JsonNode page = attorney.get(hearings + "?size=2").json();
        assertEquals(3, page.path("total").asLong());
        assertEquals(2, page.path("items").size());
        assertEquals(LocalDate.now().plusDays(10).toString(), page.path("items").get(0).path("date").asText());
        JsonNode desc = attorney.get(hearings + "?sort=date,desc&size=1&page=0").json();
        assertEquals(LocalDate.now().plusDays(30).toString(), desc.path("items").get(0).path("date").asText());
        assertRefused(attorney.get(hearings + "?sort=judge"), 400, "sort");

        assertRefused(attorney.post(due, Map.of("date", LocalDate.now().plusDays(5).toString())), 400, "type");
        assertRefused(attorney.post(due, Map.of("type", "MOTION")), 400, "date");
        assertEquals(0, total(due));
        JsonNode d = created(attorney.post(due, Map.of("type", "motion", "date", LocalDate.now().plusDays(5).toString(),
                "description", "Motion to continue")));
        assertEquals("MOTION", d.path("type").asText());
        assertEquals(1, attorney.get(due).json().path("total").asLong());
        assertEquals(404, attorney.get(LIT + "/cases/999999999/hearings").status());

        HttpResult audit = admin().get("/api/v1/audit?recordId=" + id + "&size=100");
        assertTrue(audit.toString(), audit.body().contains("hearing ") && audit.body().contains("due date "));
        assertFalse(audit.body().isEmpty());
        assertNotEquals(0, total(IMM + "?f.aNumber=" + attorney.get(IMM + "/" + id).json()
                .path("fields").path("aNumber").asText()));
    }
}
