package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.casework.itests.support.Wait;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Projects and the engine's work on cases over real HTTP: time entries (also on a litigation
 * case) frozen by the lock date, the lock date set by a manager and audited, the project team and
 * events, every transition of the project workflow, the standard figures (life cycle and effort)
 * for known data, and need-to-know (another division gets 404). Runs on Derby and PostgreSQL.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProjectsIT extends CaseworkTestSupport {

    private static final String PROJECTS = "/api/v1/cases/project";
    private static final String FED = "/api/v1/cases/federal-litigation";
    private static final String LOCK = "/api/v1/time-entry-lock";

    @Inject
    private FeaturesService features;

    @Before
    public void projectsAreInstalled() throws Exception {
        awaitHealthy();
        if (!features.isInstalled(features.getFeature("casework-litigation"))) {
            features.installFeature("casework-litigation", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        }
        waitUntil("projects served", BOOT_TIMEOUT, () -> admin().get(PROJECTS).status() == 200
                && admin().get(LOCK).status() == 200);
    }

    private record User(String name, CaseworkHttp http) {
    }

    /** A new signed-in user with these roles in one division. */
    private User user(String division, String... roles) {
        String name = roles[0].substring(0, 3) + UUID.randomUUID().toString().substring(0, 8);
        String password = "Long-enough-" + UUID.randomUUID();
        HttpResult created = admin().post("/api/v1/users", Map.of("username", name, "fullName", "Test " + name,
                "email", name + "@example.org", "roles", List.of(roles), "divisions", List.of(division),
                "password", password));
        assertEquals(created.toString(), 201, created.status());
        return new User(name, http().as(name, password));
    }

    private static String newDivision() {
        return "prj-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
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

    private static JsonNode newProject(CaseworkHttp who, String title) {
        return created(who.post(PROJECTS, Map.of("fields", Map.of("title", title, "projectType", "POLICY_REVIEW",
                "clientOffice", "Office of the Principal Legal Advisor"))));
    }

    private static Map<String, Object> entry(LocalDate date, int minutes, String activity) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workDate", date.toString());
        m.put("minutes", minutes);
        m.put("activity", activity);
        return m;
    }

    private static String timePath(String base, long id) {
        return base + "/" + id + "/time-entries";
    }

    private static long total(CaseworkHttp who, String path) {
        return ok(who.get(path)).path("total").asLong();
    }

    // ---- time entries and the lock date ------------------------------------------------------

    @Test
    public void timeEntryLockDateFreezesOlderEntriesAndItsChangeIsAudited() {
        String division = newDivision();
        User manager = user(division, "attorney", "manager");
        User attorney = user(division, "attorney");
        long id = newProject(attorney.http(), "Budget review FY27").path("id").asLong();
        String time = timePath(PROJECTS, id);

        LocalDate lock = today().minusDays(30);
        assertEquals(403, attorney.http().put(LOCK, Map.of("lockDate", lock.toString())).status());
        JsonNode set = ok(manager.http().put(LOCK, Map.of("lockDate", lock.toString())));
        assertEquals(lock.toString(), set.path("lockDate").asText());
        assertEquals(lock.toString(), ok(attorney.http().get(LOCK)).path("lockDate").asText());
        assertRefused(manager.http().put(LOCK, Map.of("lockDate", today().plusDays(1).toString())), 400, "lockDate");
        HttpResult audit = admin().get("/api/v1/audit?recordType=time-lock&size=50");
        assertEquals(audit.toString(), 200, audit.status());
        assertTrue(audit.toString(), audit.body().contains(manager.name()) && audit.body().contains("lockDate")
                && audit.body().contains(lock.toString()));

        // before and on the lock date: refused naming workDate, nothing written
        assertRefused(attorney.http().post(time, entry(lock.minusDays(1), 60, "Read the draft")), 400, "workDate");
        assertRefused(attorney.http().post(time, entry(lock, 60, "Read the draft")), 400, "workDate");
        assertEquals(0, total(attorney.http(), time));

        // after it: accepted
        JsonNode e = created(attorney.http().post(time, entry(lock.plusDays(1), 90, "Commented the draft")));
        assertEquals(attorney.name(), e.path("person").asText());
        assertEquals(90, e.path("minutes").asInt());
        assertEquals(1, total(attorney.http(), time));

        // moving an entry into the locked period is refused too
        Map<String, Object> back = entry(lock, 90, "Commented the draft");
        back.put("version", e.path("version").asLong());
        assertRefused(attorney.http().put(time + "/" + e.path("id").asLong(), back), 400, "workDate");

        // the lock moves on: the entry is frozen, neither changed nor deleted
        ok(manager.http().put(LOCK, Map.of("lockDate", lock.plusDays(1).toString())));
        Map<String, Object> change = entry(lock.plusDays(1), 120, "Commented the draft again");
        change.put("version", e.path("version").asLong());
        assertRefused(attorney.http().put(time + "/" + e.path("id").asLong(), change), 400, "workDate");
        assertRefused(attorney.http().delete(time + "/" + e.path("id").asLong()), 400, "workDate");
        assertRefused(manager.http().delete(time + "/" + e.path("id").asLong()), 400, "workDate");
        JsonNode still = ok(attorney.http().get(time)).path("items").get(0);
        assertEquals(90, still.path("minutes").asInt());
        assertEquals("Commented the draft", still.path("activity").asText());
    }

    @Test
    public void timeEntriesOnALitigationCaseBelongToTheirPersonAndAManager() {
        String division = newDivision();
        User manager = user(division, "attorney", "manager");
        User first = user(division, "attorney");
        User second = user(division, "support-staff");
        JsonNode kase = created(first.http().post(FED, Map.of("fields", Map.of("caption", "Doe v. United States",
                "subtype", "FTCA"))));
        String time = timePath(FED, kase.path("id").asLong());
        LocalDate day = today().minusDays(2);

        JsonNode mine = created(first.http().post(time, entry(day, 45, "Drafted the answer")));
        Map<String, Object> hours = new LinkedHashMap<>(Map.of("workDate", day.toString(), "hours", 1.5,
                "activity", "Research"));
        JsonNode theirs = created(second.http().post(time, hours));
        assertEquals("hours are kept as minutes", 90, theirs.path("minutes").asInt());
        Map<String, Object> both = entry(day, 10, "Both");
        both.put("hours", 1);
        assertRefused(first.http().post(time, both), 400, "hours");
        assertRefused(first.http().post(time, Map.of("workDate", day.toString(), "activity", "No time")), 400, "minutes");
        assertRefused(first.http().post(time, entry(today().plusDays(1), 10, "Tomorrow")), 400, "workDate");
        assertRefused(first.http().post(time, Map.of("workDate", "2026-02-30", "minutes", 10, "activity", "x")),
                400, "workDate");

        // only the person or a manager changes an entry
        Map<String, Object> change = entry(day, 60, "Drafted and filed the answer");
        change.put("version", mine.path("version").asLong());
        assertEquals(403, second.http().put(time + "/" + mine.path("id").asLong(), change).status());
        assertEquals(403, second.http().delete(time + "/" + mine.path("id").asLong()).status());
        JsonNode changed = ok(first.http().put(time + "/" + mine.path("id").asLong(), change));
        assertEquals(60, changed.path("minutes").asInt());
        assertEquals("a stale version is a conflict", 409,
                first.http().put(time + "/" + mine.path("id").asLong(), change).status());
        assertEquals(204, manager.http().delete(time + "/" + theirs.path("id").asLong()).status());
        // a manager enters time for someone else
        Map<String, Object> forSecond = entry(day, 30, "Filed exhibits");
        forSecond.put("person", second.name());
        assertEquals(second.name(), created(manager.http().post(time, forSecond)).path("person").asText());
        forSecond.put("person", first.name());
        assertEquals(403, second.http().post(time, forSecond).status());

        // totals per person and for the case; paged and sorted lists
        JsonNode totals = ok(first.http().get(time + "/totals"));
        assertEquals(90, totals.path("totalMinutes").asLong());
        assertEquals(2, totals.path("entries").asLong());
        assertEquals(first.name(), totals.path("byPerson").get(0).path("person").asText());
        assertEquals(60, totals.path("byPerson").get(0).path("minutes").asLong());
        JsonNode page = ok(first.http().get(time + "?sort=minutes,asc&size=1"));
        assertEquals(2, page.path("total").asLong());
        assertEquals(1, page.path("items").size());
        assertEquals(30, page.path("items").get(0).path("minutes").asInt());
        assertEquals(1, ok(first.http().get(time + "?person=" + second.name())).path("total").asLong());
        assertRefused(first.http().get(time + "?sort=activity"), 400, "sort");

        // need-to-know: another division does not see the case's time at all
        User outsider = user(newDivision(), "attorney");
        assertEquals(404, outsider.http().get(time).status());
        assertEquals(404, outsider.http().get(time + "/totals").status());
        assertEquals(404, outsider.http().post(time, entry(day, 10, "Snooping")).status());

        JsonNode history = ok(first.http().get(FED + "/" + kase.path("id").asLong() + "/history"));
        assertTrue(history.toString(), history.toString().contains("time-added")
                && history.toString().contains("time-changed") && history.toString().contains("time-deleted"));
    }

    // ---- team and events -----------------------------------------------------------------------

    @Test
    public void aProjectHasSeveralPeopleInRolesAndAListOfEvents() {
        String division = newDivision();
        User lead = user(division, "attorney");
        User member = user(division, "support-staff");
        User reviewer = user(division, "attorney");
        long id = newProject(lead.http(), "Congressional inquiry on detention standards").path("id").asLong();
        String team = PROJECTS + "/" + id + "/members";

        created(lead.http().post(team, Map.of("person", lead.name(), "role", "lead")));
        JsonNode m = created(lead.http().post(team, Map.of("person", member.name(), "role", "member")));
        created(lead.http().post(team, Map.of("person", reviewer.name(), "role", "reviewer")));
        assertRefused(lead.http().post(team, Map.of("person", member.name(), "role", "member")), 400, "person");
        assertRefused(lead.http().post(team, Map.of("person", member.name(), "role", "boss")), 400, "role");
        assertRefused(lead.http().post(team, Map.of("person", "nobody-" + UUID.randomUUID().toString().substring(0, 6),
                "role", "member")), 400, "person");
        JsonNode members = ok(member.http().get(team));
        assertEquals(members.toString(), 3, members.size());
        assertEquals(204, lead.http().delete(team + "/" + m.path("id").asLong()).status());
        assertEquals(2, ok(lead.http().get(team)).size());

        String events = PROJECTS + "/" + id + "/events";
        created(lead.http().post(events, Map.of("eventDate", today().plusDays(7).toString(), "kind", "deadline",
                "description", "Response due to the committee")));
        created(lead.http().post(events, Map.of("eventDate", today().minusDays(3).toString(), "kind", "meeting",
                "description", "Kick-off with the client office")));
        assertRefused(lead.http().post(events, Map.of("eventDate", today().toString(), "kind", "party",
                "description", "x")), 400, "kind");
        assertRefused(lead.http().post(events, Map.of("kind", "meeting", "description", "No date")), 400, "eventDate");
        JsonNode list = ok(reviewer.http().get(events));
        assertEquals(2, list.size());
        assertEquals("oldest first", "meeting", list.get(0).path("kind").asText());

        JsonNode history = ok(lead.http().get(PROJECTS + "/" + id + "/history"));
        assertTrue(history.toString(), history.toString().contains("member-added")
                && history.toString().contains("member-removed") && history.toString().contains("event-added"));
        HttpResult audit = admin().get("/api/v1/audit?recordId=" + id + "&size=100");
        assertTrue(audit.toString(), audit.body().contains("team member " + member.name() + " added as member")
                && audit.body().contains("team member " + member.name() + " removed"));

        User outsider = user(newDivision(), "attorney");
        assertEquals(404, outsider.http().get(team).status());
        assertEquals(404, outsider.http().get(events).status());
        assertEquals(404, outsider.http().post(events, Map.of("eventDate", today().toString(), "kind", "meeting",
                "description", "x")).status());
        assertEquals(404, outsider.http().get(PROJECTS + "/" + id).status());
    }

    // ---- the project workflow, one test per transition -----------------------------------------

    private JsonNode move(CaseworkHttp who, JsonNode project, String transition) {
        return who.post(PROJECTS + "/" + project.path("id").asLong() + "/transitions",
                Map.of("transition", transition, "version", project.path("version").asLong())).json();
    }

    @Test
    public void startMovesAnOpenProjectInProgress() {
        User a = user(newDivision(), "attorney");
        JsonNode p = newProject(a.http(), "Legal advice on a contract");
        assertEquals("OPEN", p.path("status").asText());
        JsonNode moved = move(a.http(), p, "start");
        assertEquals("IN_PROGRESS", moved.path("status").asText());
        assertFalse(moved.path("closed").asBoolean());
    }

    @Test
    public void closeEndsAnOpenProject() {
        User a = user(newDivision(), "attorney");
        JsonNode moved = move(a.http(), newProject(a.http(), "Tasking closed at once"), "close");
        assertEquals("CLOSED", moved.path("status").asText());
        assertTrue(moved.path("closed").asBoolean());
    }

    @Test
    public void closeEndsAProjectInProgress() {
        User a = user(newDivision(), "attorney");
        JsonNode started = move(a.http(), newProject(a.http(), "Policy review done"), "start");
        JsonNode moved = move(a.http(), started, "close");
        assertEquals("CLOSED", moved.path("status").asText());
        assertTrue(moved.path("closed").asBoolean());
    }

    @Test
    public void reopenTakesAClosedProjectBackInProgress() {
        User a = user(newDivision(), "attorney");
        JsonNode closed = move(a.http(), newProject(a.http(), "Budget reopened"), "close");
        JsonNode moved = move(a.http(), closed, "reopen");
        assertEquals("IN_PROGRESS", moved.path("status").asText());
        assertFalse(moved.path("closed").asBoolean());
    }

    @Test
    public void transitionsThatDoNotStartFromTheStatusAreRefused() {
        User a = user(newDivision(), "attorney");
        JsonNode p = newProject(a.http(), "Nothing to reopen");
        HttpResult reopen = a.http().post(PROJECTS + "/" + p.path("id").asLong() + "/transitions",
                Map.of("transition", "reopen", "version", p.path("version").asLong()));
        assertRefused(reopen, 422, "transition");
        JsonNode closed = move(a.http(), p, "close");
        assertRefused(a.http().post(PROJECTS + "/" + p.path("id").asLong() + "/transitions",
                Map.of("transition", "start", "version", closed.path("version").asLong())), 422, "transition");
        assertEquals("CLOSED", ok(a.http().get(PROJECTS + "/" + p.path("id").asLong())).path("status").asText());
    }

    // ---- standard figures ----------------------------------------------------------------------

    @Test
    public void figuresGiveTheLifeCycleAndEffortOfKnownCases() {
        String division = newDivision();
        User a = user(division, "attorney");
        User manager = user(division, "attorney", "manager");
        JsonNode p1 = newProject(a.http(), "Figures one");
        JsonNode p2 = newProject(a.http(), "Figures two");
        newProject(a.http(), "Figures three, still open");
        move(a.http(), p1, "close");
        move(a.http(), move(a.http(), p2, "start"), "close");
        LocalDate day = today().minusDays(1);
        created(a.http().post(timePath(PROJECTS, p1.path("id").asLong()), entry(day, 90, "Work")));
        created(a.http().post(timePath(PROJECTS, p1.path("id").asLong()), entry(day, 30, "More work")));
        created(a.http().post(timePath(PROJECTS, p2.path("id").asLong()), entry(day, 60, "Work")));

        String range = "&from=" + today().minusDays(1) + "&to=" + today();
        JsonNode life = ok(manager.http().get("/api/v1/reports/case-lifecycle?type=project&division=" + division
                + range));
        assertEquals(life.toString(), 1, life.size());
        assertEquals("project", life.get(0).path("type").asText());
        assertEquals(division, life.get(0).path("division").asText());
        assertEquals("two closed, the open one is not counted", 2, life.get(0).path("closedCases").asLong());
        assertTrue(life.toString(), life.get(0).path("averageDays").decimalValue().doubleValue() < 0.01);
        assertFalse("aggregates only: no case number", life.toString().contains("PRJ-"));

        JsonNode effort = ok(manager.http().get("/api/v1/reports/effort?division=" + division + range));
        assertEquals(effort.toString(), 1, effort.size());
        JsonNode e = effort.get(0);
        assertEquals(2, e.path("cases").asLong());
        assertEquals(3, e.path("entries").asLong());
        assertEquals(180, e.path("totalMinutes").asLong());
        assertEquals(90, e.path("averageMinutesPerCase").asLong());
        assertEquals(0, e.path("averageHoursPerCase").decimalValue().compareTo(new java.math.BigDecimal("1.50")));
        assertFalse("aggregates only: no user name", effort.toString().contains(a.name()));
        assertEquals("a period before the work has no effort", 0, ok(manager.http().get("/api/v1/reports/effort?division="
                + division + "&to=" + today().minusDays(2))).size());

        assertEquals("reports are for managers", 403, a.http().get("/api/v1/reports/effort").status());
        assertRefused(manager.http().get("/api/v1/reports/effort?from=yesterday"), 400, "from");
        assertRefused(manager.http().get("/api/v1/reports/case-lifecycle?from=" + today() + "&to="
                + today().minusDays(1)), 400, "to");
        assertRefused(manager.http().get("/api/v1/reports/case-lifecycle?type=no-such-type"), 400, "type");
    }

    @Test
    public void theEndpointsAreInTheOpenApiDocument() {
        HttpResult doc = Wait.forValue("openapi.json lists the work paths", BOOT_TIMEOUT,
                () -> http().get("/api/v1/openapi.json"),
                r -> r.status() == 200 && r.json().path("paths").has("/reports/effort"));
        JsonNode paths = doc.json().path("paths");
        for (String path : List.of("/cases/{type}/{id}/time-entries", "/cases/{type}/{id}/time-entries/{entryId}",
                "/cases/{type}/{id}/time-entries/totals", "/cases/{type}/{id}/members", "/cases/{type}/{id}/events",
                "/time-entry-lock", "/reports/case-lifecycle")) {
            assertTrue(path, paths.has(path));
        }
    }
}
