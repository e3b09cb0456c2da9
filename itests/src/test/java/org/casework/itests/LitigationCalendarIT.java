package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
 * The litigation calendar over real HTTP: every workflow transition of the three litigation case
 * types, changing and removing hearings and due dates, the calendar by attorney and office, the
 * transfer of a case between offices, managers' workload views, reminders sent once by a run
 * "as of" a chosen day (by e-mail, read back over IMAP, and on the console list), and the
 * per-user iCalendar feed parsed by ical4j. Runs on Derby and PostgreSQL.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LitigationCalendarIT extends CaseworkTestSupport {

    private static final String IMAP_PORT = "casework.it.imap.port";
    /** The driver's class path, where ical4j and its dependencies are: the feed is parsed with them. */
    private static final String DRIVER_CLASSPATH = "casework.it.driver.classpath";
    private static final String IMM = "/api/v1/cases/immigration-case";
    private static final String FED = "/api/v1/cases/federal-litigation";
    private static final String ADM = "/api/v1/cases/administrative-case";
    private static final String LIT = "/api/v1/litigation";

    @Configuration
    @Override
    public Option[] config() {
        int[] ports = MailServer.start();
        return OptionUtils.combine(baseOptions(),
                editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot", ",casework-litigation"),
                editConfigurationFilePut("etc/org.casework.mail.cfg", "enabled", "true"),
                editConfigurationFilePut("etc/org.casework.mail.cfg", "host", "127.0.0.1"),
                editConfigurationFilePut("etc/org.casework.mail.cfg", "port", Integer.toString(ports[0])),
                editConfigurationFilePut("etc/org.casework.mail.cfg", "from", "casework@casework.test"),
                editConfigurationFilePut("etc/org.casework.mail.cfg", "retryDelayMs", "500"),
                editConfigurationFilePut("etc/org.casework.litigation.reminders.cfg", "daysBefore", "7,1"),
                systemProperty(IMAP_PORT).value(Integer.toString(ports[1])),
                systemProperty(DRIVER_CLASSPATH).value(System.getProperty("java.class.path")));
    }

    @Before
    public void ready() {
        awaitHealthy();
        Wait.until("litigation served", BOOT_TIMEOUT, () -> admin().get(IMM).status() == 200
                && admin().get(LIT + "/reminders/mine").status() == 200);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void assertStatus(HttpResult r, int status) {
        assertEquals(r.toString(), status, r.status());
    }

    private static void assertRefused(HttpResult r, int status, String field) {
        assertStatus(r, status);
        List<String> fields = new ArrayList<>();
        r.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertTrue(r.toString(), fields.contains(field));
    }

    /** A new user with the roles, one division, the office mailbox as e-mail, signed in. */
    private CaseworkHttp user(String name, String division, String... roles) {
        String password = "Long-enough-" + UUID.randomUUID();
        assertStatus(admin().post("/api/v1/users", Map.of("username", name, "fullName", "Test " + name,
                "email", MailServer.OFFICER, "roles", List.of(roles), "divisions", List.of(division),
                "password", password)), 201);
        return http().as(name, password);
    }

    private long immigrationCase(CaseworkHttp as, String division) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("aNumber", String.format("%09d", ThreadLocalRandom.current().nextInt(1, 999_999_999)));
        f.put("respondent", Map.of("fullName", "Ana Calendar", "dateOfBirth", "1990-04-02"));
        HttpResult r = as.post(IMM + "?division=" + division, Map.of("fields", f));
        assertStatus(r, 201);
        return r.json().path("id").asLong();
    }

    private JsonNode transition(String path, long id, String transition) {
        long version = admin().get(path + "/" + id).json().path("version").asLong();
        HttpResult r = admin().post(path + "/" + id + "/transitions", Map.of("transition", transition,
                "version", version, "comment", "test"));
        assertStatus(r, 200);
        return r.json();
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

    private long federal() {
        HttpResult r = admin().post(FED + "?division=occ-sf", Map.of("fields", Map.of("caption", "Doe v. United States",
                "subtype", "FTCA")));
        assertStatus(r, 201);
        return r.json().path("id").asLong();
    }

    private long administrative() {
        HttpResult r = admin().post(ADM + "?division=occ-sf", Map.of("fields", Map.of("caption", "Roe v. Agency",
                "subtype", "EEO")));
        assertStatus(r, 201);
        return r.json().path("id").asLong();
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
        CaseworkHttp attorney = user(unique("att"), "occ-sf", "attorney");
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
        CaseworkHttp ero = user(unique("ero"), "ero", "external-readonly");
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
        CaseworkHttp attorney = user(name, from, "attorney");
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
        CaseworkHttp manager = user(unique("mgr"), from, "legal-manager");
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
        CaseworkHttp attorney = user(name, "occ-sf", "attorney");
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
        CaseworkHttp attorney = user(name, "occ-sf", "attorney");
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
        CaseworkHttp other = user(unique("oth"), "occ-sf", "attorney");
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
