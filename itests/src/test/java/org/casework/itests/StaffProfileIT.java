package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * Staff profiles, trainings and training warnings over real HTTP against the booted
 * distribution: an administrator makes a manager and a report, the missing, expired and renewed
 * mandatory training shows in both people's warnings, bad input names its field, and a colleague
 * cannot see someone else's profile. One container for the class; each test makes its own users.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StaffProfileIT extends CaseworkTestSupport {

    private static final String PASSWORD = "violet tractor lamp";
    private static final String COURSE = "privacy-security";

    @Before
    public void ready() {
        awaitHealthy();
        Wait.until("the profile endpoints answer", BOOT_TIMEOUT,
                () -> admin().get("/api/v1/users/me/warnings").status() == 200);
    }

    private static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String createUser(String prefix) {
        String username = uniqueName(prefix);
        HttpResult created = admin().post("/api/v1/users", Map.of("username", username,
                "fullName", "Full " + username, "email", username + "@example.org",
                "roles", List.of("staff"), "divisions", List.of(), "password", PASSWORD));
        assertStatus(created, 201);
        return username;
    }

    private CaseworkHttp as(String username) {
        return http().as(username, PASSWORD);
    }

    private static void assertStatus(HttpResult result, int status) {
        assertEquals(result.toString(), status, result.status());
    }

    private static Map<String, Object> schedule(String start, String end, String zone) {
        return Map.of("days", List.of("MON", "TUE", "WED", "THU", "FRI"), "start", start,
                "end", end, "timeZone", zone);
    }

    private static Map<String, Object> profile(long version, String manager, Object schedule) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", version);
        body.put("title", "Caseworker");
        body.put("phone", "+43 1 234 567");
        body.put("manager", manager);
        body.put("schedule", schedule);
        return body;
    }

    private static Map<String, Object> training(String course, LocalDate completedOn) {
        return Map.of("course", course, "completedOn", completedOn.toString());
    }

    private static void assertFieldError(HttpResult result, String field) {
        assertStatus(result, 400);
        List<String> fields = new ArrayList<>();
        result.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertTrue(result.toString(), fields.contains(field));
    }

    /** The warnings in the answer about {@code username}, as course:status:own. */
    private static List<String> warningsAbout(HttpResult warnings, String username) {
        assertStatus(warnings, 200);
        List<String> found = new ArrayList<>();
        for (JsonNode item : warnings.json().path("items")) {
            if (item.path("username").asText().equals(username)) {
                found.add(item.path("course").asText() + ":" + item.path("status").asText() + ":"
                        + item.path("own").asBoolean());
            }
        }
        return found;
    }

    private String managerWithReport(String[] report) {
        String manager = createUser("boss");
        report[0] = createUser("staff");
        HttpResult set = admin().put("/api/v1/users/" + report[0] + "/profile",
                profile(0, manager, schedule("08:00", "16:30", "Europe/Vienna")));
        assertStatus(set, 200);
        assertEquals(manager, set.json().path("manager").asText());
        return manager;
    }

    @Test
    public void anExpiredMandatoryTrainingWarnsThePersonAndTheirManager() {
        String[] report = new String[1];
        String manager = managerWithReport(report);
        String staff = report[0];
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        // nothing recorded: missing, for the person and (not own) for the manager
        assertEquals(List.of(COURSE + ":missing:true"),
                warningsAbout(as(staff).get("/api/v1/users/me/warnings"), staff));
        assertEquals(List.of(COURSE + ":missing:false"),
                warningsAbout(as(manager).get("/api/v1/users/me/warnings"), staff));
        JsonNode item = as(manager).get("/api/v1/users/me/warnings").json().path("items")
                .path(1);
        assertEquals("Full " + staff, item.path("fullName").asText());
        assertEquals("Annual privacy and security awareness", item.path("courseTitle").asText());

        // the person may not certify themself; the manager records a completion 13 months old
        assertStatus(as(staff).post("/api/v1/users/" + staff + "/trainings",
                training(COURSE, today)), 403);
        HttpResult old = as(manager).post("/api/v1/users/" + staff + "/trainings",
                training(COURSE, today.minusMonths(13)));
        assertStatus(old, 201);
        assertEquals(today.minusMonths(1).toString(), old.json().path("validUntil").asText());
        assertEquals(List.of(COURSE + ":expired:true"),
                warningsAbout(as(staff).get("/api/v1/users/me/warnings"), staff));
        assertEquals(List.of(COURSE + ":expired:false"),
                warningsAbout(as(manager).get("/api/v1/users/me/warnings"), staff));

        // a recent completion: no warning left about the person
        assertStatus(admin().post("/api/v1/users/" + staff + "/trainings",
                training(COURSE, today.minusDays(3))), 201);
        assertEquals(List.of(), warningsAbout(as(staff).get("/api/v1/users/me/warnings"), staff));
        assertEquals(List.of(), warningsAbout(as(manager).get("/api/v1/users/me/warnings"), staff));
        HttpResult list = as(manager).get("/api/v1/users/" + staff + "/trainings");
        assertStatus(list, 200);
        assertEquals(2, list.json().path("items").size());

        // only administrators remove a record
        long id = old.json().path("id").asLong();
        assertStatus(as(manager).delete("/api/v1/users/" + staff + "/trainings/" + id), 403);
        assertStatus(admin().delete("/api/v1/users/" + staff + "/trainings/" + id), 204);
        assertStatus(admin().delete("/api/v1/users/" + staff + "/trainings/" + id), 404);
    }

    @Test
    public void badInputIsRefusedNamingTheField() {
        String[] report = new String[1];
        managerWithReport(report);
        String staff = report[0];
        String path = "/api/v1/users/" + staff;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long version = admin().get(path + "/profile").json().path("version").asLong();

        assertFieldError(admin().post(path + "/trainings", training(COURSE, today.plusDays(3))),
                "completedOn");
        assertFieldError(admin().post(path + "/trainings", training("juggling", today)), "course");
        assertFieldError(admin().put(path + "/profile",
                profile(version, null, schedule("08:00", "16:00", "Mars/Olympus"))),
                "schedule.timeZone");
        assertFieldError(admin().put(path + "/profile",
                profile(version, null, schedule("16:00", "08:00", "UTC"))), "schedule.end");
        assertFieldError(admin().put(path + "/profile", profile(version, staff, null)), "manager");
        assertStatus(admin().put(path + "/profile", profile(version - 1, null, null)), 409);
        assertStatus(admin().get("/api/v1/users/nobody-" + UUID.randomUUID().toString()
                .substring(0, 8) + "/profile"), 404);
    }

    @Test
    public void colleaguesCannotSeeEachOthersProfiles() {
        String[] report = new String[1];
        String manager = managerWithReport(report);
        String staff = report[0];
        String colleague = createUser("peer");

        assertStatus(as(staff).get("/api/v1/users/" + staff + "/profile"), 200);
        assertStatus(as(manager).get("/api/v1/users/" + staff + "/profile"), 200);
        assertStatus(as(colleague).get("/api/v1/users/" + staff + "/profile"), 404);
        assertStatus(as(colleague).get("/api/v1/users/" + staff + "/trainings"), 404);
        assertStatus(as(staff).get("/api/v1/users/" + manager + "/profile"), 404);
        assertEquals(List.of(), warningsAbout(as(colleague).get("/api/v1/users/me/warnings"),
                staff));

        // people edit their own phone and schedule, but not their manager
        JsonNode own = as(staff).get("/api/v1/users/" + staff + "/profile").json();
        long version = own.path("version").asLong();
        Map<String, Object> edit = profile(version, manager, schedule("07:00", "15:00", "UTC"));
        edit.put("phone", "+43 1 999");
        HttpResult edited = as(staff).put("/api/v1/users/" + staff + "/profile", edit);
        assertStatus(edited, 200);
        assertEquals("+43 1 999", edited.json().path("phone").asText());
        assertStatus(as(staff).put("/api/v1/users/" + staff + "/profile",
                profile(edited.json().path("version").asLong(), colleague,
                        schedule("07:00", "15:00", "UTC"))), 403);
    }

    @Test
    public void theCatalogueAndTheEndpointsArePublished() {
        String staff = createUser("reader");
        HttpResult courses = as(staff).get("/api/v1/training-courses");
        assertStatus(courses, 200);
        JsonNode course = courses.json().path("items").path(0);
        assertEquals(courses.toString(), COURSE, course.path("key").asText());
        assertEquals(12, course.path("validityMonths").asInt());
        assertTrue(course.path("mandatory").asBoolean());

        HttpResult openApi = http().get("/api/v1/openapi.json");
        assertStatus(openApi, 200);
        JsonNode paths = openApi.json().path("paths");
        List<String> published = new ArrayList<>();
        paths.fieldNames().forEachRemaining(published::add);
        for (String path : List.of("/users/{username}/profile", "/users/{username}/trainings",
                "/users/{username}/trainings/{id}", "/users/me/warnings", "/training-courses")) {
            assertTrue(path + " in " + published, published.contains(path));
        }
    }
}
