package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.Reader;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
import org.casework.itests.support.MailServer;
import org.casework.itests.support.Wait;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The litigation and projects modules over real HTTP in one booted distribution (one container per
 * database, so the three litigation case types cost one boot): runs on Derby and, in a second
 * execution, on PostgreSQL.
 * <ul>
 * <li>Cases: one immigration case per A-Number (also under three simultaneous creates), placeholder
 * projects becoming cases with nothing lost, division-only federal and administrative cases,
 * external read-only users, also-known-as names, national-security fields, hearings and due dates
 * checked, paged and sorted.</li>
 * <li>Case records: people with also-known-as names, memoranda from draft to final, dispositions
 * per level, A-File transfers moving the case's location, date rules on applications and visas,
 * documents filed by category, the respondent's age, and need-to-know on the records.</li>
 * <li>Calendar: every workflow transition of the three litigation case types, changing and removing
 * hearings and due dates, the calendar by attorney and office, the transfer of a case between
 * offices, managers' workload views, reminders sent once by a run "as of" a chosen day (by e-mail,
 * read back over IMAP from GreenMail, and on the console list), and the per-user iCalendar feed
 * parsed by ical4j.</li>
 * <li>The OpenAPI document lists the case, record and calendar paths.</li>
 * </ul>
 * Every test makes its own users, cases and A-Numbers, and counts only what it made (a fresh user's
 * calendar, reminders and feed; an office of its own for office-wide figures), so the tests may run
 * in any order against the one database.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LitigationIT extends CaseworkTestSupport {

    private static final String IMAP_PORT = "casework.it.imap.port";
    /** The driver's class path, where ical4j and its dependencies are: the feed is parsed with them. */
    private static final String DRIVER_CLASSPATH = "casework.it.driver.classpath";
    private static final String IMM = "/api/v1/cases/immigration-case";
    private static final String FED = "/api/v1/cases/federal-litigation";
    private static final String ADM = "/api/v1/cases/administrative-case";
    private static final String PROJECTS = "/api/v1/cases/project";
    private static final String LIT = "/api/v1/litigation";
    private static final String CASES = LIT + "/cases/";

    @Inject
    private FeaturesService features;

    /**
     * Mail goes to GreenMail so the reminder test can read it. The other tests assert nothing about
     * mail or reminders; the runner's own hourly check may remind of their due dates within a week,
     * but the reminder test counts only its own user's reminders and mail about its own case, due
     * 40 days ahead.
     */
    @Configuration
    @Override
    public Option[] config() {
        int[] ports = MailServer.start();
        return OptionUtils.combine(baseOptions(),
                editConfigurationFilePut("etc/org.casework.mail.cfg", "enabled", "true"),
                editConfigurationFilePut("etc/org.casework.mail.cfg", "host", "127.0.0.1"),
                editConfigurationFilePut("etc/org.casework.mail.cfg", "port", Integer.toString(ports[0])),
                editConfigurationFilePut("etc/org.casework.mail.cfg", "from", "casework@casework.test"),
                editConfigurationFilePut("etc/org.casework.mail.cfg", "retryDelayMs", "500"),
                editConfigurationFilePut("etc/org.casework.litigation.reminders.cfg", "daysBefore", "7,1"),
                systemProperty(IMAP_PORT).value(Integer.toString(ports[1])),
                systemProperty(DRIVER_CLASSPATH).value(System.getProperty("java.class.path")));
    }

    /**
     * Waits for every litigation resource by an answer only that resource gives (a 404 could also
     * mean the resource is not served): a malformed A-Number is refused, the records and calendar
     * paths are in the OpenAPI document, the caller's reminders are listed.
     */
    @Before
    public void litigationIsServed() throws Exception {
        awaitHealthy();
        // installed into the running platform, not as a boot feature: at boot the litigation
        // components and the case engine can reach each other while the engine is still being
        // created, and Felix SCR then leaves LitigationService and its resource unsatisfied
        if (!features.isInstalled(features.getFeature("casework-litigation"))) {
            features.installFeature("casework-litigation", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        }
        waitUntil("litigation served", BOOT_TIMEOUT, () -> admin().get(IMM).status() == 200
                && admin().get(PROJECTS).status() == 200
                && admin().get(LIT + "/a-numbers/A12B456789").status() == 400
                && admin().get(LIT + "/reminders/mine").status() == 200
                && http().get("/api/v1/openapi.json").json().path("paths").has("/litigation/cases/{id}/people"));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new user with one role and one division, signed in. */
    private CaseworkHttp user(String role, String division) {
        return userNamed(unique(role.substring(0, 3)), role, division);
    }

    /**
     * A new user of that name (for tests that assign cases to it), signed in. Every user's e-mail is
     * the office mailbox on GreenMail, where the reminder test reads its mail.
     */
    private CaseworkHttp userNamed(String name, String role, String division) {
        String password = "Long-enough-" + UUID.randomUUID();
        assertStatus(admin().post("/api/v1/users", Map.of("username", name, "fullName", "Test " + name,
                "email", MailServer.OFFICER, "roles", List.of(role), "divisions", List.of(division),
                "password", password)), 201);
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
        return immigration(aNumber, name, "1990-04-02");
    }

    /** The fields of an immigration case; {@code aNumber} left out when {@code null}. */
    private static Map<String, Object> immigration(String aNumber, String name, String dateOfBirth) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (aNumber != null) {
            f.put("aNumber", aNumber);
        }
        f.put("respondent", Map.of("fullName", name, "dateOfBirth", dateOfBirth));
        f.put("nationality", "Honduras");
        f.put("language", "Spanish");
        f.put("custodyStatus", "DETAINED");
        return f;
    }

    /** A new immigration case owned by {@code division}, made by {@code as}; its id. */
    private long immigrationCase(CaseworkHttp as, String division) {
        return created(as.post(IMM + "?division=" + division, Map.of("fields",
                immigration(newANumber(), "Ana Calendar")))).path("id").asLong();
    }

    /** A new immigration case whose A-File is at NRC Lee's Summit (where transfers move it from). */
    private JsonNode caseWithAFile(CaseworkHttp who, String name, String dateOfBirth) {
        Map<String, Object> f = immigration(newANumber(), name, dateOfBirth);
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

    private long federal() {
        return created(admin().post(FED + "?division=occ-sf", Map.of("fields", Map.of(
                "caption", "Doe v. United States", "subtype", "FTCA")))).path("id").asLong();
    }

    private long administrative() {
        return created(admin().post(ADM + "?division=occ-sf", Map.of("fields", Map.of(
                "caption", "Roe v. Agency", "subtype", "EEO")))).path("id").asLong();
    }

    private static void assertStatus(HttpResult r, int status) {
        assertEquals(r.toString(), status, r.status());
    }

    private static JsonNode created(HttpResult r) {
        assertStatus(r, 201);
        return r.json();
    }

    private static JsonNode ok(HttpResult r) {
        assertStatus(r, 200);
        return r.json();
    }

    private static Set<String> errorFields(HttpResult r) {
        Set<String> out = new TreeSet<>();
        r.json().path("errors").forEach(e -> out.add(e.path("field").asText()));
        return out;
    }

    private static void assertRefused(HttpResult r, int status, String field) {
        assertStatus(r, status);
        assertTrue(r.toString(), errorFields(r).contains(field));
    }

    private long total(String path) {
        return ok(admin().get(path)).path("total").asLong();
    }

    private JsonNode transition(String path, long id, String transition) {
        long version = admin().get(path + "/" + id).json().path("version").asLong();
        return ok(admin().post(path + "/" + id + "/transitions", Map.of("transition", transition,
                "version", version, "comment", "test")));
    }

    private void assign(long id, String attorney) {
        long version = admin().get(IMM + "/" + id).json().path("version").asLong();
        assertStatus(admin().put(IMM + "/" + id + "/assignment", Map.of("version", version, "assignee", attorney)),
                200);
    }

    private static String today(int plusDays) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(plusDays).toString();
    }

    private static List<Long> caseIds(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("caseId").asLong()));
        return ids;
    }

    // ---- cases: A-Numbers, placeholder projects, divisions, external users, fields -----------

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

    // ---- case records ------------------------------------------------------------------------

    @Test
    public void aRenamedPersonKeepsTheOldNameAsAlsoKnownAs() {
        CaseworkHttp attorney = user("attorney", "occ-sf");
        long id = caseWithAFile(attorney, "Maria Lopez", "1990-04-02").path("id").asLong();
        JsonNode p = created(attorney.post(CASES + id + "/people", person("PRIVATE_ATTORNEY", "Ana Ruiz", null)));
        JsonNode renamed = ok(attorney.put(CASES + id + "/people/" + p.path("id").asLong(),
                person("PRIVATE_ATTORNEY", "Ana Ruiz-Soto", p.path("version").asLong())));
        assertEquals("Ana Ruiz-Soto", renamed.path("fullName").asText());
        assertEquals("[\"Ana Ruiz\"]", renamed.path("aliases").toString());

        HttpResult stale = attorney.put(CASES + id + "/people/" + p.path("id").asLong(),
                person("PRIVATE_ATTORNEY", "Someone Else", p.path("version").asLong()));
        assertRefused(stale, 409, "version");
        JsonNode list = ok(attorney.get(CASES + id + "/people?sort=fullName,asc"));
        assertEquals(1, list.path("total").asLong());
        assertEquals("Ana Ruiz-Soto", list.path("items").get(0).path("fullName").asText());
        assertRefused(attorney.post(CASES + id + "/people", person("ASTRONAUT", "X", null)), 400, "role");

        JsonNode history = ok(admin().get("/api/v1/audit?recordType=immigration-case&recordId=" + id));
        assertTrue("the rename is audited: " + history, history.toString().contains("person " + p.path("id").asLong()
                + " changed"));

        assertEquals(204, attorney.delete(CASES + id + "/people/" + p.path("id").asLong() + "?version="
                + renamed.path("version").asLong()).status());
        assertEquals(0, ok(attorney.get(CASES + id + "/people")).path("total").asLong());
    }

    @Test
    public void aFinalMemorandumCannotBeEdited() {
        CaseworkHttp attorney = user("attorney", "occ-sf");
        long id = caseWithAFile(attorney, "Jose Perez", "1985-01-20").path("id").asLong();
        JsonNode draft = created(attorney.post(CASES + id + "/memoranda", Map.of("title", "Bond strategy",
                "body", "First thoughts")));
        assertEquals("DRAFT", draft.path("status").asText());
        String path = CASES + id + "/memoranda/" + draft.path("id").asLong();
        JsonNode fin = ok(attorney.put(path, Map.of("title", "Bond strategy", "body", "Settled view",
                "status", "FINAL", "version", draft.path("version").asLong())));
        assertEquals("FINAL", fin.path("status").asText());
        assertTrue(fin.path("finalizedAt").isTextual());

        assertRefused(attorney.put(path, Map.of("title", "Bond strategy", "body", "Rewritten", "status", "DRAFT",
                "version", fin.path("version").asLong())), 422, "status");
        assertRefused(attorney.delete(path + "?version=" + fin.path("version").asLong()), 422, "status");
        assertEquals("Settled view", ok(attorney.get(path)).path("body").asText());
        assertRefused(attorney.post(CASES + id + "/memoranda", Map.of("title", "Nothing in it")), 400, "body");
    }

    @Test
    public void aDispositionAtTheBoard() {
        CaseworkHttp attorney = user("attorney", "occ-sf");
        long id = caseWithAFile(attorney, "Lucia Gomez", "1979-11-30").path("id").asLong();
        created(attorney.post(CASES + id + "/actions", Map.of("level", "IMMIGRATION_JUDGE", "date", "2025-03-01",
                "action", "Individual hearing", "disposition", "Removal ordered", "decisionMaker", "IJ Smith")));
        JsonNode appeal = created(attorney.post(CASES + id + "/actions", Map.of("level", "BIA", "date", "2025-04-01",
                "action", "Appeal filed")));
        JsonNode decided = ok(attorney.put(CASES + id + "/actions/" + appeal.path("id").asLong(), Map.of("level", "BIA",
                "date", "2025-04-01", "action", "Appeal filed", "disposition", "Dismissed",
                "decisionMaker", "Board panel", "version", appeal.path("version").asLong())));
        assertEquals("Dismissed", decided.path("disposition").asText());
        JsonNode list = ok(attorney.get(CASES + id + "/actions?sort=date,desc"));
        assertEquals(2, list.path("total").asLong());
        assertEquals("BIA", list.path("items").get(0).path("level").asText());
        assertRefused(attorney.post(CASES + id + "/actions", Map.of("level", "BIA", "date",
                LocalDate.now().plusDays(30).toString(), "action", "Future")), 400, "date");
    }

    @Test
    public void anAFileTransferMovesTheFileAndIsKeptAsHistory() {
        CaseworkHttp attorney = user("attorney", "occ-sf");
        long id = caseWithAFile(attorney, "Pedro Diaz", "1992-07-07").path("id").asLong();
        JsonNode t = created(attorney.post(CASES + id + "/a-file-transfers", Map.of("toLocation", "OCC San Francisco",
                "date", LocalDate.now().minusDays(1).toString())));
        assertEquals("NRC Lee's Summit", t.path("fromLocation").asText());
        JsonNode kase = ok(attorney.get(IMM + "/" + id));
        assertEquals("OCC San Francisco", kase.path("fields").path("aFileLocation").asText());
        JsonNode history = ok(attorney.get(IMM + "/" + id + "/history"));
        assertTrue("the case's history shows the move: " + history, history.toString().contains("OCC San Francisco"));
        assertEquals(1, ok(attorney.get(CASES + id + "/a-file-transfers")).path("total").asLong());
        assertEquals(422, attorney.delete(CASES + id + "/a-file-transfers/" + t.path("id").asLong() + "?version="
                + t.path("version").asLong()).status());
        assertRefused(attorney.post(CASES + id + "/a-file-transfers", Map.of("date", "2025-01-01")), 400, "toLocation");
    }

    @Test
    public void applicationsVisasAndDocumentsKeepTheirDatesInOrder() {
        CaseworkHttp attorney = user("attorney", "occ-sf");
        long id = caseWithAFile(attorney, "Rosa Chavez", "2000-02-29").path("id").asLong();
        HttpResult bad = attorney.post(CASES + id + "/applications", Map.of("type", "I-765", "receivedDate",
                "2025-01-10", "workAuthorizationGranted", true, "workAuthorizationFrom", "2025-06-01",
                "workAuthorizationTo", "2025-05-01"));
        assertRefused(bad, 400, "workAuthorizationTo");
        assertEquals(0, ok(attorney.get(CASES + id + "/applications")).path("total").asLong());
        assertRefused(attorney.post(CASES + id + "/applications", Map.of("type", "I-589", "filedDate", "yesterday")),
                400, "filedDate");
        JsonNode app = created(attorney.post(CASES + id + "/applications", Map.of("type", "I-765", "receivedDate",
                "2025-01-10", "filedDate", "2025-01-12", "decision", "GRANTED", "decisionDate", "2025-05-20",
                "workAuthorizationGranted", true, "workAuthorizationFrom", "2025-06-01",
                "workAuthorizationTo", "2027-05-31")));
        assertEquals("GRANTED", app.path("decision").asText());

        assertRefused(attorney.post(CASES + id + "/visas", Map.of("visaType", "B-2", "status", "ISSUED",
                "issueDate", "2024-02-01", "expiryDate", "2024-01-01")), 400, "expiryDate");
        created(attorney.post(CASES + id + "/visas", Map.of("visaType", "B-2", "status", "ISSUED",
                "applicationDate", "2024-01-02", "issueDate", "2024-02-01", "expiryDate", "2034-01-31")));

        byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        long attachment = created(attorney.post(IMM + "/" + id + "/attachments?fileName=nta.pdf", pdf,
                "application/pdf")).path("id").asLong();
        JsonNode doc = created(attorney.post(CASES + id + "/documents", Map.of("attachmentId", attachment,
                "category", "CHARGING_DOCUMENT", "title", "Notice to Appear")));
        assertEquals("CHARGING_DOCUMENT", doc.path("category").asText());
        assertRefused(attorney.post(CASES + id + "/documents", Map.of("attachmentId", attachment + 1000,
                "category", "EVIDENCE")), 400, "attachmentId");

        JsonNode respondent = ok(attorney.get(CASES + id + "/respondent"));
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
        long id = caseWithAFile(attorney, "Ana Torres", "1988-08-08").path("id").asLong();
        JsonNode note = created(attorney.post(CASES + id + "/phase-notes", Map.of("phase", "PRE_TRIAL",
                "text", "Witness list due")));

        assertEquals(1, ok(ero.get(CASES + id + "/phase-notes")).path("total").asLong());
        for (HttpResult w : List.of(
                ero.post(CASES + id + "/phase-notes", Map.of("phase", "TRIAL", "text", "from outside")),
                ero.put(CASES + id + "/phase-notes/" + note.path("id").asLong(), Map.of("phase", "TRIAL", "text", "x",
                        "version", note.path("version").asLong())),
                ero.delete(CASES + id + "/phase-notes/" + note.path("id").asLong() + "?version="
                        + note.path("version").asLong()),
                ero.post(CASES + id + "/people", person("WITNESS", "W", null)),
                ero.post(CASES + id + "/a-file-transfers", Map.of("toLocation", "ERO", "date", "2025-01-01")))) {
            assertEquals(w.toString(), 403, w.status());
        }
        assertEquals("Witness list due", ok(attorney.get(CASES + id + "/phase-notes/" + note.path("id").asLong()))
                .path("text").asText());

        long fed = created(attorney.post(FED, Map.of("fields", Map.of("caption", "Doe v. United States",
                "subtype", "FTCA")))).path("id").asLong();
        created(attorney.post(CASES + fed + "/people", person("GOVERNMENT_ATTORNEY", "AUSA Kim", null)));
        CaseworkHttp other = user("attorney", "nsls");
        assertEquals(404, other.get(CASES + fed + "/people").status());
        assertEquals(404, other.post(CASES + fed + "/people", person("WITNESS", "W", null)).status());
        assertEquals(404, attorney.get(CASES + fed + "/a-file-transfers").status());
    }

    @Test
    public void theCaseRecordEndpointsAreInTheOpenApiDocument() {
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

    // ---- workflows: one test per transition ---------------------------------------------------

    @Test
    public void immigrationCaseAppeal() {
        long id = immigrationCase(admin(), "occ-sf");
        assertEquals("ON_APPEAL", transition(IMM, id, "appeal").path("status").asText());
    }

    @Test
    public void immigrationCaseClose() {
        long id = immigrationCase(admin(), "occ-sf");
        JsonNode closed = transition(IMM, id, "close");
        assertEquals("CLOSED", closed.path("status").asText());
        assertTrue(closed.path("closed").asBoolean());
    }

    @Test
    public void immigrationCaseReopen() {
        long id = immigrationCase(admin(), "occ-sf");
        transition(IMM, id, "close");
        assertEquals("OPEN", transition(IMM, id, "reopen").path("status").asText());
    }

    @Test
    public void federalLitigationAppeal() {
        assertEquals("ON_APPEAL", transition(FED, federal(), "appeal").path("status").asText());
    }

    @Test
    public void federalLitigationCloseFromAppeal() {
        long id = federal();
        transition(FED, id, "appeal");
        assertEquals("CLOSED", transition(FED, id, "close").path("status").asText());
    }

    @Test
    public void federalLitigationReopen() {
        long id = federal();
        transition(FED, id, "close");
        assertEquals("OPEN", transition(FED, id, "reopen").path("status").asText());
    }

    @Test
    public void administrativeCaseClose() {
        assertEquals("CLOSED", transition(ADM, administrative(), "close").path("status").asText());
    }

    @Test
    public void administrativeCaseReopen() {
        long id = administrative();
        transition(ADM, id, "close");
        assertEquals("OPEN", transition(ADM, id, "reopen").path("status").asText());
        long version = admin().get(ADM + "/" + id).json().path("version").asLong();
        assertStatus(admin().post(ADM + "/" + id + "/transitions", Map.of("transition", "appeal", "version", version)),
                400);
    }

    // ---- hearings and due dates: change and remove --------------------------------------------

    @Test
    public void hearingsAndDueDatesAreChangedAndRemovedWithTheirChecks() {
        CaseworkHttp attorney = user("attorney", "occ-sf");
        long id = immigrationCase(attorney, "occ-sf");
        JsonNode h = attorney.post(LIT + "/cases/" + id + "/hearings", Map.of("date", today(10), "time", "09:00",
                "type", "MASTER_CALENDAR", "location", "San Francisco")).json();
        long hid = h.path("id").asLong();

        assertRefused(attorney.put(LIT + "/cases/" + id + "/hearings/" + hid, Map.of("version", h.path("version"),
                "date", "2001-01-01", "type", "INDIVIDUAL")), 400, "date");
        HttpResult changed = attorney.put(LIT + "/cases/" + id + "/hearings/" + hid, Map.of("version",
                h.path("version"), "date", today(12), "time", "10:30", "type", "INDIVIDUAL", "judge", "Judge B"));
        assertStatus(changed, 200);
        assertEquals(today(12), changed.json().path("date").asText());
        assertStatus(attorney.put(LIT + "/cases/" + id + "/hearings/" + hid, Map.of("version", h.path("version"),
                "date", today(13), "type", "INDIVIDUAL")), 409);

        JsonNode d = attorney.post(LIT + "/cases/" + id + "/due-dates", Map.of("type", "BRIEF", "date", today(20)))
                .json();
        long did = d.path("id").asLong();
        Map<String, Object> noType = new LinkedHashMap<>();
        noType.put("version", d.path("version").asLong());
        noType.put("date", today(21));
        assertRefused(attorney.put(LIT + "/cases/" + id + "/due-dates/" + did, noType), 400, "type");
        HttpResult done = attorney.put(LIT + "/cases/" + id + "/due-dates/" + did, Map.of("version",
                d.path("version").asLong(), "type", "BRIEF", "date", today(21), "completed", true));
        assertStatus(done, 200);
        assertTrue(done.json().path("completed").asBoolean());

        // an external read-only user may not remove; nobody reaches another case's hearing by id
        CaseworkHttp ero = user("external-readonly", "ero");
        assertTrue(ero.delete(LIT + "/cases/" + id + "/hearings/" + hid).status() >= 403);
        long other = immigrationCase(admin(), "occ-sf");
        assertStatus(attorney.delete(LIT + "/cases/" + other + "/hearings/" + hid), 404);

        assertStatus(attorney.delete(LIT + "/cases/" + id + "/hearings/" + hid), 204);
        assertStatus(attorney.delete(LIT + "/cases/" + id + "/due-dates/" + did), 204);
        assertEquals(0, attorney.get(LIT + "/cases/" + id + "/hearings").json().path("total").asLong());
        assertEquals(0, attorney.get(LIT + "/cases/" + id + "/due-dates").json().path("total").asLong());
        assertStatus(attorney.delete(LIT + "/cases/" + id + "/hearings/" + hid), 404);
    }

    // ---- calendar, transfer, workload ---------------------------------------------------------

    @Test
    public void calendarsFollowTheAttorneyAndTheOfficeAcrossATransfer() {
        String from = unique("sf");
        String to = unique("ny");
        String name = unique("att");
        CaseworkHttp attorney = userNamed(name, "attorney", from);
        long id = immigrationCase(attorney, from);
        assign(id, name);
        assertStatus(attorney.post(LIT + "/cases/" + id + "/hearings", Map.of("date", today(3), "time", "09:00",
                "type", "BOND")), 201);
        assertStatus(attorney.post(LIT + "/cases/" + id + "/due-dates", Map.of("type", "MOTION", "date", today(5))),
                201);

        JsonNode mine = attorney.get(LIT + "/calendar").json();
        assertEquals(mine.toString(), 2, mine.path("total").asLong());
        assertTrue(mine.toString(), mine.has("totalCapped"));
        assertFalse("an exact total below 10,000 is not marked capped", mine.path("totalCapped").asBoolean());
        assertEquals("hearing", mine.path("items").path(0).path("kind").asText());
        assertEquals("due-date", mine.path("items").path(1).path("kind").asText());
        assertEquals(List.of(id, id), caseIds(admin().get(LIT + "/calendar?office=" + from).json()));
        assertRefused(attorney.get(LIT + "/calendar?from=someday"), 400, "from");

        // an attorney may not transfer; the shipped legal office manager role may
        long version = admin().get(IMM + "/" + id).json().path("version").asLong();
        assertStatus(attorney.put(IMM + "/" + id + "/owner-division", Map.of("version", version, "division", to,
                "reason", "court moved")), 403);
        CaseworkHttp manager = user("legal-manager", from);
        assertRefused(manager.put(IMM + "/" + id + "/owner-division", Map.of("version", version, "division", to)),
                400, "reason");
        HttpResult moved = manager.put(IMM + "/" + id + "/owner-division", Map.of("version", version, "division", to,
                "reason", "The respondent moved to New York"));
        assertStatus(moved, 200);
        assertEquals(to, moved.json().path("ownerDivision").asText());
        JsonNode history = admin().get(IMM + "/" + id + "/history").json();
        boolean recorded = false;
        for (JsonNode e : history) {
            recorded |= e.path("action").asText().equals("transferred") && e.path("oldValue").asText().contains(from)
                    && e.path("newValue").asText().contains(to);
        }
        assertTrue(history.toString(), recorded);
        assertEquals(0, admin().get(LIT + "/calendar?office=" + from).json().path("total").asLong());
        assertEquals(List.of(id, id), caseIds(admin().get(LIT + "/calendar?office=" + to).json()));

        // workload: managers only
        assertStatus(attorney.get(LIT + "/workload?office=" + to), 403);
        JsonNode w = manager.get(LIT + "/workload?office=" + to).json();
        assertEquals(w.toString(), 1, w.path("openCases").asLong());
        assertEquals(1, w.path("upcomingHearings").asLong());
        assertEquals(0, w.path("overdueDueDates").asLong());
        assertEquals(name, w.path("byAttorney").path(0).path("attorney").asText());
        JsonNode later = manager.get(LIT + "/workload?attorney=" + name + "&asOf=" + today(6)).json();
        assertEquals(later.toString(), 1, later.path("overdueDueDates").asLong());
        assertEquals(0, later.path("upcomingHearings").asLong());
        assertRefused(manager.get(LIT + "/workload"), 400, "attorney");

        // closing the case takes it off the calendar
        transition(IMM, id, "close");
        assertEquals(0, attorney.get(LIT + "/calendar").json().path("total").asLong());
        assertEquals(2, attorney.get(LIT + "/calendar?includeClosed=true").json().path("total").asLong());
    }

    // ---- reminders ----------------------------------------------------------------------------

    @Test
    public void remindersGoOutOnceByMailAndOnTheConsoleList() throws Exception {
        String name = unique("rem");
        CaseworkHttp attorney = userNamed(name, "attorney", "occ-sf");
        long id = immigrationCase(attorney, "occ-sf");
        assign(id, name);
        String number = admin().get(IMM + "/" + id).json().path("number").asText();
        String due = today(40);
        assertStatus(attorney.post(LIT + "/cases/" + id + "/due-dates", Map.of("type", "PLEADING", "date", due,
                "description", "Written pleadings")), 201);

        assertStatus(attorney.post(LIT + "/reminders/run", Map.of("asOf", today(33))), 403);
        assertRefused(admin().post(LIT + "/reminders/run", Map.of("asOf", "tomorrow")), 400, "asOf");
        // 40 days ahead is outside 7,1: nothing yet
        assertEquals(0, attorney.get(LIT + "/reminders/mine").json().path("total").asLong());
        admin().post(LIT + "/reminders/run", Map.of("asOf", today(32)));
        assertEquals(0, attorney.get(LIT + "/reminders/mine").json().path("total").asLong());
        // a week ahead, then again the same day, then the day before
        assertTrue(admin().post(LIT + "/reminders/run", Map.of("asOf", today(33))).json().path("sent").asInt() >= 1);
        admin().post(LIT + "/reminders/run", Map.of("asOf", today(33)));
        JsonNode list = attorney.get(LIT + "/reminders/mine").json();
        assertEquals(list.toString(), 1, list.path("total").asLong());
        assertEquals(7, list.path("items").path(0).path("daysBefore").asInt());
        assertEquals(number, list.path("items").path(0).path("caseNumber").asText());
        assertTrue(list.path("items").path(0).path("emailed").asBoolean());
        admin().post(LIT + "/reminders/run", Map.of("asOf", today(39)));
        assertEquals(2, attorney.get(LIT + "/reminders/mine").json().path("total").asLong());

        String mail = Wait.forValue("the reminder e-mail for " + number, BOOT_TIMEOUT,
                () -> inbox().stream().filter(m -> m.contains("Subject: Due in 7 days: pleading in " + number))
                        .findFirst().orElse(null), m -> m != null);
        assertTrue(mail, mail.contains(due));
        Wait.until("the day-before e-mail", BOOT_TIMEOUT, () -> inbox().stream()
                .filter(m -> m.contains("Subject: Due tomorrow: pleading in " + number)).count() == 1);
        assertEquals(1, inbox().stream().filter(m -> m.contains("Subject: Due in 7 days: pleading in " + number))
                .count());
    }

    private static List<String> inbox() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            Session session = Session.getInstance(new Properties());
            List<String> messages = new ArrayList<>();
            try (Store store = session.getStore("imap")) {
                store.connect("127.0.0.1", Integer.getInteger(IMAP_PORT), MailServer.OFFICER,
                        MailServer.OFFICER_PASSWORD);
                try (Folder inbox = store.getFolder("INBOX")) {
                    inbox.open(Folder.READ_ONLY);
                    for (Message m : inbox.getMessages()) {
                        ByteArrayOutputStream raw = new ByteArrayOutputStream();
                        m.writeTo(raw);
                        messages.add(raw.toString(StandardCharsets.UTF_8).replace("\r\n ", " ")
                                .replace("\r\n\t", " "));
                    }
                }
            }
            return messages;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    // ---- iCalendar feed -----------------------------------------------------------------------

    @Test
    public void theFeedIsACalendarThatIcal4jReadsUntilTheTokenIsRevoked() throws Exception {
        String name = unique("ics");
        CaseworkHttp attorney = userNamed(name, "attorney", "occ-sf");
        long id = immigrationCase(attorney, "occ-sf");
        assign(id, name);
        String number = admin().get(IMM + "/" + id).json().path("number").asText();
        String location = "Immigration Court, Room 4; 100 Montgomery St., San Francisco, \"Floor\" 8 – "
                + "a long location so that the line has to be folded";
        assertStatus(attorney.post(LIT + "/cases/" + id + "/hearings", Map.of("date", today(2), "time", "13:15",
                "type", "INDIVIDUAL", "location", location, "judge", "Judge Ruiz")), 201);
        assertStatus(attorney.post(LIT + "/cases/" + id + "/due-dates", Map.of("type", "BRIEF", "date", today(4),
                "description", "Brief, with exhibits")), 201);

        assertStatus(http().post(LIT + "/calendar/feed-token", Map.of()), 401);
        JsonNode token = attorney.post(LIT + "/calendar/feed-token", Map.of()).json();
        String path = token.path("path").asText();
        HttpResult feed = http().get(path);
        assertStatus(feed, 200);
        assertTrue(feed.toString(), feed.header("Content-Type").orElse("").startsWith("text/calendar"));

        Map<String, Map<String, String>> events = parse(feed.body());
        assertEquals(events.toString(), 2, events.size());
        Map<String, String> hearing = events.values().stream().filter(e -> e.get("SUMMARY").startsWith("Hearing"))
                .findFirst().orElseThrow();
        assertEquals(location, hearing.get("LOCATION"));
        assertTrue(hearing.get("SUMMARY"), hearing.get("SUMMARY").contains(number));
        assertTrue(hearing.get("DTSTART"), hearing.get("DTSTART").startsWith(today(2).replace("-", "") + "T1315"));
        Map<String, String> due = events.values().stream().filter(e -> e.get("SUMMARY").startsWith("Due"))
                .findFirst().orElseThrow();
        assertTrue(due.get("DESCRIPTION"), due.get("DESCRIPTION").contains("Brief, with exhibits"));

        // someone else's feed does not show this case
        CaseworkHttp other = user("attorney", "occ-sf");
        String otherPath = other.post(LIT + "/calendar/feed-token", Map.of()).json().path("path").asText();
        assertFalse(http().get(otherPath).body().contains(number));

        assertTrue(attorney.delete(LIT + "/calendar/feed-token").json().path("revoked").asBoolean());
        assertStatus(http().get(path), 404);
        assertStatus(http().get(LIT + "/calendar/feed/not-a-real-token-at-all-000000"), 404);
    }

    /**
     * Parses and validates the feed with ical4j, loaded from the driver's class path into a loader
     * of its own (it is not a bundle of the distribution): UID → property name → value.
     */
    private static Map<String, Map<String, String>> parse(String ics) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty(DRIVER_CLASSPATH).split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(loader);
            Class<?> builderType = loader.loadClass("net.fortuna.ical4j.data.CalendarBuilder");
            Object builder = builderType.getConstructor().newInstance();
            Object calendar = builderType.getMethod("build", Reader.class).invoke(builder, new StringReader(ics));
            calendar.getClass().getMethod("validate").invoke(calendar);
            Map<String, Map<String, String>> byUid = new LinkedHashMap<>();
            for (Object event : (List<?>) calendar.getClass().getMethod("getComponents").invoke(calendar)) {
                if (!"VEVENT".equals(event.getClass().getMethod("getName").invoke(event))) {
                    continue;
                }
                Map<String, String> props = new LinkedHashMap<>();
                for (Object p : (List<?>) event.getClass().getMethod("getProperties").invoke(event)) {
                    props.put((String) p.getClass().getMethod("getName").invoke(p),
                            (String) p.getClass().getMethod("getValue").invoke(p));
                }
                byUid.put(props.get("UID"), props);
            }
            return byUid;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
