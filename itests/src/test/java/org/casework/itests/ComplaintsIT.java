package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import javax.inject.Inject;
import org.casework.complaints.api.PortalIntake;
import org.casework.complaints.api.PortalReceipt;
import org.casework.complaints.api.PortalSubmission;
import org.casework.core.api.ValidationException;
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
import org.ops4j.pax.exam.util.Filter;

/**
 * The complaints module end to end over real HTTP, with a real SMTP server (GreenMail in the
 * driver JVM, read back over IMAP): staff intake with its confirmation e-mail, prior complaints
 * found by A-Number and by an alias (only those the caller may read), triage, assignment,
 * engagement, resolution and reopening, each audited; the portal's intake service; bad input;
 * and intake staff kept to their own complaints. Runs on Derby and on PostgreSQL.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ComplaintsIT extends CaseworkTestSupport {

    private static final String IMAP_PORT = "casework.it.imap.port";
    private static final String PASSWORD = "violet tractor lamp";
    private static final String COMPLAINTS = "/api/v1/complaints";
    private static final String CASES = "/api/v1/cases/complaint";

    /** The module boots with the container; its services may take a while longer than Pax Exam's default wait. */
    @Inject
    @Filter(timeout = 120_000)
    private PortalIntake portal;

    @Configuration
    @Override
    public Option[] config() {
        int[] ports = MailServer.start();
        return OptionUtils.combine(baseOptions(),
                editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot", ",casework-complaints"),
                editConfigurationFilePut("etc/org.casework.mail.cfg", "enabled", "true"),
                editConfigurationFilePut("etc/org.casework.mail.cfg", "host", "127.0.0.1"),
                editConfigurationFilePut("etc/org.casework.mail.cfg", "port", Integer.toString(ports[0])),
                editConfigurationFilePut("etc/org.casework.mail.cfg", "from", "casework@casework.test"),
                editConfigurationFilePut("etc/org.casework.mail.cfg", "retryDelayMs", "500"),
                editConfigurationFilePut("etc/org.casework.complaints.cfg", "onDutyManagerEmail", MailServer.OFFICER),
                systemProperty(IMAP_PORT).value(Integer.toString(ports[1])));
    }

    @Before
    public void ready() {
        awaitHealthy();
        Wait.until("the complaints API answers", BOOT_TIMEOUT,
                () -> admin().get(COMPLAINTS + "/queues/unassigned").status() == 200
                        && admin().get(CASES).status() == 200);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void assertStatus(HttpResult result, int status) {
        assertEquals(result.toString(), status, result.status());
    }

    private String createUser(String prefix, String... roles) {
        String username = unique(prefix);
        assertStatus(admin().post("/api/v1/users", Map.of("username", username, "roles", List.of(roles),
                "divisions", List.of(), "password", PASSWORD)), 201);
        return username;
    }

    private static Map<String, Object> complaint(String channel, Map<String, Object> detainee, String aNumber) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("channel", channel);
        f.put("detainee", detainee);
        if (aNumber != null) {
            f.put("aNumber", aNumber);
        }
        f.put("description", "No medical care for three weeks.");
        f.put("incidentDate", LocalDate.now().minusDays(10).toString());
        f.put("categories", "medical");
        f.put("consentToInvestigate", true);
        return f;
    }

    private static Set<String> errorFields(HttpResult r) {
        Set<String> fields = new HashSet<>();
        r.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private static long auditCount(CaseworkHttp admin, String action, long id) {
        return admin.get("/api/v1/audit?recordType=complaint&recordId=" + id + "&action=" + action + "&size=50").json()
                .path("total").asLong();
    }

    @Test
    public void complaintGoesFromIntakeThroughTriageToResolutionAndIsReopened() throws Exception {
        String analyst = createUser("analyst", "analyst");
        String intake = createUser("intake", "intake");
        CaseworkHttp asAnalyst = http().as(analyst, PASSWORD);
        CaseworkHttp asIntake = http().as(intake, PASSWORD);
        String dob = "1990-05-04";
        StringBuilder letters = new StringBuilder("Ng");
        UUID.randomUUID().toString().replace("-", "").chars().limit(6)
                .forEach(ch -> letters.append((char) ('a' + Character.digit(ch, 16))));
        String family = letters.toString();
        String digits = Long.toString(100_000_000L + Math.floorMod(System.nanoTime(), 899_999_999L));

        // two earlier complaints about the same detainee, entered through the generic case API
        HttpResult byNumber = asAnalyst.post(CASES, Map.of("fields", complaint("MAIL",
                Map.of("fullName", "Van An " + family, "dateOfBirth", dob), "A" + digits)));
        assertStatus(byNumber, 201);
        long priorByNumber = byNumber.json().path("id").asLong();
        HttpResult byAlias = asAnalyst.post(CASES, Map.of("fields", complaint("TELEPHONE",
                Map.of("fullName", "Anh Van " + family, "dateOfBirth", dob), null)));
        assertStatus(byAlias, 201);
        long priorByAlias = byAlias.json().path("id").asLong();

        // intake by telephone staff: the A-Number in another written form, the alias among the aliases
        Map<String, Object> fields = complaint("MAIL", Map.of("fullName", "Tran Bao " + family, "dateOfBirth", dob,
                "aliases", List.of(family + " Anh-Van")), digits.substring(0, 3) + "-" + digits.substring(3, 6)
                + "-" + digits.substring(6));
        fields.put("submitter", Map.of("fullName", "Maria Lopez"));
        fields.put("submitterEmail", MailServer.OFFICER);
        String scan = Base64.getEncoder().encodeToString("%PDF-1.4\n% scanned intake form\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII));
        HttpResult created = asIntake.post(COMPLAINTS, Map.of("fields", fields, "attachments",
                List.of(Map.of("fileName", "intake-form.pdf", "contentType", "application/pdf", "content", scan))));
        assertStatus(created, 201);
        JsonNode c = created.json().path("complaint");
        JsonNode files = asIntake.get(CASES + "/" + c.path("id").asLong() + "/attachments").json();
        assertEquals(files.toString(), "intake-form.pdf", files.path(0).path("fileName").asText());
        long id = c.path("id").asLong();
        String number = c.path("number").asText();
        assertTrue(number, number.startsWith("CMP-"));
        assertEquals("RECEIVED", c.path("status").asText());
        assertEquals("EMAIL", created.json().path("confirmation").path("medium").asText());
        // the intake clerk may not read the analyst's complaints: none is shown, none is counted
        assertEquals(created.toString(), 0, created.json().path("prior").size());

        String mail = Wait.forValue("the confirmation of " + number, BOOT_TIMEOUT,
                () -> inbox().stream().filter(m -> m.contains("Subject: Confirmation of your complaint " + number))
                        .findFirst().orElse(null), m -> m != null);
        assertTrue(mail, mail.contains("Your case number is " + number));
        assertTrue(mail, mail.contains("correct"));
        JsonNode correspondence = asIntake.get(COMPLAINTS + "/" + id + "/correspondence").json();
        assertEquals(correspondence.toString(), "EMAIL", correspondence.path(0).path("medium").asText());

        // the original arrived by mail: it must be destroyed, and who confirmed it is kept
        JsonNode summary = asIntake.get(COMPLAINTS + "/" + id).json();
        assertEquals(LocalDate.now(ZoneOffset.UTC).plusDays(30).toString(), summary.path("intake").path("destructionDue").asText());
        assertStatus(asIntake.post(COMPLAINTS + "/" + id + "/destruction", Map.of("note", "shredded")), 200);
        assertEquals(intake, asIntake.get(COMPLAINTS + "/" + id).json().path("intake").path("destroyedBy").asText());
        assertStatus(asIntake.post(COMPLAINTS + "/" + id + "/destruction", Map.of()), 409);

        // triage: prior complaints by A-Number and by alias, each saying why
        JsonNode prior = asAnalyst.get(COMPLAINTS + "/" + id + "/prior").json();
        assertEquals(prior.toString(), 2, prior.size());
        Map<Long, String> reasons = new LinkedHashMap<>();
        prior.forEach(p -> reasons.put(p.path("caseId").asLong(), p.path("reasons").toString()));
        assertTrue(prior.toString(), reasons.get(priorByNumber).contains("same A-Number"));
        assertTrue(prior.toString(), reasons.get(priorByAlias).contains(family + " Anh-Van"));
        assertTrue(prior.toString(), reasons.get(priorByAlias).contains("same date of birth"));
        // the best first, as many as asked for; a limit out of range is refused naming it
        JsonNode best = asAnalyst.get(COMPLAINTS + "/" + id + "/prior?limit=1").json();
        assertEquals(best.toString(), 1, best.size());
        assertEquals(prior.get(0).path("caseId").asLong(), best.get(0).path("caseId").asLong());
        for (String bad : List.of("0", "201", "many")) {
            HttpResult refused = asAnalyst.get(COMPLAINTS + "/" + id + "/prior?limit=" + bad);
            assertStatus(refused, 400);
            assertEquals(refused.body(), Set.of("limit"), errorFields(refused));
        }
        // a later complaint that gives no date of birth finds them by name alone (each key's newest
        // complaints of any date of birth, read through complaints migration V4's index)
        HttpResult noBirth = asAnalyst.post(CASES, Map.of("fields", complaint("TELEPHONE",
                Map.of("fullName", "Anh Van " + family), null)));
        assertStatus(noBirth, 201);
        JsonNode byName = asAnalyst.get(COMPLAINTS + "/" + noBirth.json().path("id").asLong() + "/prior").json();
        Set<Long> foundByName = new HashSet<>();
        byName.forEach(p -> foundByName.add(p.path("caseId").asLong()));
        assertTrue(byName.toString(), foundByName.contains(priorByAlias) && foundByName.contains(id));
        assertTrue(byName.toString(), byName.toString().contains("date of birth unknown"));
        assertStatus(asIntake.get(COMPLAINTS + "/" + priorByNumber), 404);
        assertStatus(asIntake.get(CASES + "/" + priorByNumber), 404);
        assertStatus(asIntake.get(COMPLAINTS + "/" + priorByNumber + "/prior"), 404);
        // only caseworkers triage
        assertStatus(asIntake.post(COMPLAINTS + "/" + id + "/triage", Map.of("outcome", "accept")), 403);

        HttpResult accepted = asAnalyst.post(COMPLAINTS + "/" + id + "/triage", Map.of("outcome", "accept",
                "note", "Within our remit."));
        assertStatus(accepted, 200);
        assertEquals("ACCEPTED", accepted.json().path("complaint").path("status").asText());
        assertEquals("accept", accepted.json().path("intake").path("triageOutcome").asText());

        long version = asAnalyst.get(CASES + "/" + id).json().path("version").asLong();
        assertStatus(asAnalyst.put(CASES + "/" + id + "/assignment", Map.of("version", version, "assignee", analyst)), 200);
        JsonNode mine = asAnalyst.get(COMPLAINTS + "/queues/mine").json();
        assertEquals(mine.toString(), 1, mine.path("total").asLong());
        assertEquals(number, mine.path("items").path(0).path("number").asText());

        HttpResult engagement = asAnalyst.post(COMPLAINTS + "/" + id + "/engagements", Map.of("party", "ICE ERO Newark",
                "channel", "EMAIL", "summary", "Asked for the medical file.", "followUpOn",
                LocalDate.now().plusDays(7).toString()));
        assertStatus(engagement, 201);
        assertEquals(1, asAnalyst.get(COMPLAINTS + "/" + id + "/engagements").json().size());

        HttpResult resolved = asAnalyst.post(COMPLAINTS + "/" + id + "/resolution", Map.of("outcome", "SUBSTANTIATED",
                "summary", "Care arranged."));
        assertStatus(resolved, 200);
        assertEquals("RESOLVED", resolved.json().path("complaint").path("status").asText());
        assertTrue(resolved.json().path("complaint").path("closed").asBoolean());
        assertEquals(0, asAnalyst.get(COMPLAINTS + "/queues/mine").json().path("total").asLong());

        HttpResult noReason = asAnalyst.post(COMPLAINTS + "/" + id + "/reopen", Map.of());
        assertStatus(noReason, 400);
        assertEquals(Set.of("reason"), errorFields(noReason));
        HttpResult reopened = asAnalyst.post(COMPLAINTS + "/" + id + "/reopen", Map.of("reason", "New facts."));
        assertStatus(reopened, 200);
        assertEquals("TRIAGE", reopened.json().path("complaint").path("status").asText());
        assertFalse(reopened.json().path("complaint").path("closed").asBoolean());

        // every step is in the audit trail under the complaint
        CaseworkHttp admin = admin();
        for (String action : List.of("create", "correspondence", "destruction-confirmed", "triage", "transition",
                "update", "engagement", "resolve", "reopen")) {
            Wait.until(action + " audited for " + number, BOOT_TIMEOUT, () -> auditCount(admin, action, id) >= 1);
        }
    }

    @Test
    public void theTriageSettingsInTheConfigFileBoundHowFarALookupLooks() throws Exception {
        // a detainee only this test names: letters only, so every word of the name is a key word
        StringBuilder family = new StringBuilder("Quist");
        UUID.randomUUID().toString().chars().filter(Character::isLetterOrDigit).limit(8)
                .forEach(c -> family.append((char) ('a' + c % 26)));
        List<Long> earlier = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            HttpResult filed = admin().post(CASES, Map.of("fields", complaint("MAIL",
                    Map.of("fullName", "Zebulon " + family), null)));
            assertStatus(filed, 201);
            earlier.add(filed.json().path("id").asLong());
        }
        HttpResult probe = admin().post(CASES, Map.of("fields", complaint("TELEPHONE",
                Map.of("fullName", "Zebulon " + family, "dateOfBirth", "1975-05-06"), null)));
        assertStatus(probe, 201);
        String prior = COMPLAINTS + "/" + probe.json().path("id").asLong() + "/prior?limit=200";
        assertEquals(15, admin().get(prior).json().size());

        java.nio.file.Path cfg = java.nio.file.Path.of(System.getProperty("karaf.etc"), "org.casework.complaints.cfg");
        String original = java.nio.file.Files.readString(cfg);
        try {
            // what an administrator does: edit the file; the module takes it up within seconds
            java.nio.file.Files.writeString(cfg, original.replaceAll("(?m)^triageNewestPerKey\\s*=.*$",
                    "triageNewestPerKey = 12").replaceAll("(?m)^triageCandidates\\s*=.*$", "triageCandidates = 60"));
            Wait.until("the lookup takes the newest 12 per key", BOOT_TIMEOUT,
                    () -> admin().get(prior).json().size() == 12);
            Set<Long> found = new HashSet<>();
            admin().get(prior).json().forEach(p -> found.add(p.path("caseId").asLong()));
            assertEquals(Set.copyOf(earlier.subList(3, 15)), found);

            // out of range: logged, and the nearest bound (10) used; nothing refused, nothing lost
            java.nio.file.Files.writeString(cfg, original.replaceAll("(?m)^triageNewestPerKey\\s*=.*$",
                    "triageNewestPerKey = 0"));
            Wait.until("an out-of-range setting takes the nearest bound", BOOT_TIMEOUT,
                    () -> admin().get(prior).json().size() == 10);
        } finally {
            java.nio.file.Files.writeString(cfg, original);
        }
        Wait.until("the shipped settings are back", BOOT_TIMEOUT, () -> admin().get(prior).json().size() == 15);
    }

    @Test
    public void portalComplaintLandsInTheIntakeQueueAndAnonymousKeepsNoIdentity() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("detainee", Map.of("fullName", "Portal Person " + unique("p")));
        fields.put("description", "Filed online.");
        fields.put("submitter", Map.of("fullName", "Someone Who Asked Not To Be Named"));
        fields.put("submitterEmail", MailServer.OFFICER);
        PortalReceipt receipt = portal.submit(new PortalSubmission(fields, true, "es", "PAS-2026-1",
                Instant.now(), true, "203.0.113.9", List.of()));
        assertTrue(receipt.caseNumber(), receipt.caseNumber().startsWith("CMP-"));
        assertFalse("anonymous: no confirmation", receipt.confirmationEmailed());

        JsonNode queue = admin().get(COMPLAINTS + "/queues/unassigned?size=200").json();
        JsonNode item = null;
        for (JsonNode i : queue.path("items")) {
            if (i.path("number").asText().equals(receipt.caseNumber())) {
                item = i;
            }
        }
        assertNotNull(queue.toString(), item);
        assertEquals("WEB_PORTAL", item.path("channel").asText());
        JsonNode stored = admin().get(COMPLAINTS + "/" + item.path("caseId").asLong()).json();
        assertTrue(stored.toString(), stored.path("complaint").path("fields").path("submitter").isMissingNode());
        assertTrue(stored.toString(), stored.path("complaint").path("fields").path("submitterEmail").isMissingNode());
        assertEquals("PAS-2026-1", stored.path("intake").path("privacyVersion").asText());
        assertTrue(stored.path("checks").path("consent").asBoolean());
        assertTrue(admin().get(COMPLAINTS + "/" + item.path("caseId").asLong() + "/correspondence").json().isEmpty());

        try {
            portal.submit(new PortalSubmission(fields, false, "en", "PAS-2026-1", Instant.now(), false, null, List.of()));
            fail("a complaint without consent was accepted");
        } catch (ValidationException e) {
            assertEquals("consent", e.errors().get(0).field());
        }
    }

    @Test
    public void emergencyGoesToTheTopOfTheQueueAndTellsTheOnDutyManager() throws Exception {
        String analyst = createUser("analyst", "analyst");
        Map<String, Object> fields = complaint("TELEPHONE", Map.of("fullName", "Urgent " + unique("u")), null);
        fields.put("emergency", true);
        fields.put("anonymous", true);
        HttpResult created = http().as(analyst, PASSWORD).post(COMPLAINTS, Map.of("fields", fields));
        assertStatus(created, 201);
        String number = created.json().path("complaint").path("number").asText();
        assertEquals("NONE", created.json().path("confirmation").path("medium").asText());
        assertTrue(created.json().path("checks").path("emergency").asBoolean());
        JsonNode unassigned = admin().get(COMPLAINTS + "/queues/unassigned").json();
        assertTrue(unassigned.toString(), unassigned.path("items").path(0).path("emergency").asBoolean());
        JsonNode emergencies = admin().get(COMPLAINTS + "/queues/emergency").json();
        List<String> numbers = new ArrayList<>();
        emergencies.path("items").forEach(i -> numbers.add(i.path("number").asText()));
        assertTrue(numbers.toString(), numbers.contains(number));
        Wait.forValue("the emergency notice for " + number, BOOT_TIMEOUT,
                () -> inbox().stream().filter(m -> m.contains("Subject: Emergency complaint " + number)).findFirst()
                        .orElse(null), m -> m != null);
    }

    @Test
    public void badInputIsRefusedNamingTheFieldAndMarkupIsKeptAsText() {
        CaseworkHttp admin = admin();
        for (Object[] bad : new Object[][] {
                {"aNumber", "12345", "fields.aNumber"},
                {"aNumber", "1234567", "fields.aNumber"},
                {"aNumber", "A12-34X-678", "fields.aNumber"},
                {"incidentDate", LocalDate.now().plusDays(2).toString(), "fields.incidentDate"},
                {"categories", "medical, no-such-category", "fields.categories"},
                {"channel", "PIGEON", "fields.channel"},
                {"detentionHistory", "NWK: 2025-02-01 to 2025-01-01", "fields.detentionHistory"}}) {
            Map<String, Object> fields = complaint("MAIL", Map.of("fullName", "Bad Input"), null);
            fields.put((String) bad[0], bad[1]);
            HttpResult r = admin.post(COMPLAINTS, Map.of("fields", fields));
            assertStatus(r, 400);
            assertTrue(r.toString(), errorFields(r).contains((String) bad[2]));
        }
        // an executable dressed as a PDF: refused naming the file, and no complaint is left behind
        String detainee = unique("Disguised");
        HttpResult disguised = admin.post(COMPLAINTS, Map.of("fields", complaint("MAIL", Map.of("fullName", detainee),
                null), "attachments", List.of(Map.of("fileName", "form.pdf", "contentType", "application/pdf",
                "content", Base64.getEncoder().encodeToString("MZ\u0090\u0000 not a pdf".getBytes(StandardCharsets.ISO_8859_1))))));
        assertStatus(disguised, 400);
        assertEquals(Set.of("attachments[0]"), errorFields(disguised));
        assertEquals(0, admin.get(CASES + "?q=" + detainee).json().path("total").asLong());

        Map<String, Object> noChannel = complaint("MAIL", Map.of("fullName", "Bad Input"), null);
        noChannel.remove("channel");
        assertTrue(errorFields(admin.post(COMPLAINTS, Map.of("fields", noChannel))).contains("fields.channel"));

        String markup = "<script>alert('x')</script><b>bold</b>";
        Map<String, Object> fields = complaint("FAX", Map.of("fullName", "Markup Test"), "A098765432");
        fields.put("description", markup);
        fields.put("detentionHistory", "NWK: 2025-01-01 to 2025-02-01\nELZ: 2025-02-01");
        HttpResult r = admin.post(COMPLAINTS, Map.of("fields", fields));
        assertStatus(r, 201);
        long id = r.json().path("complaint").path("id").asLong();
        assertEquals(markup, admin.get(CASES + "/" + id).json().path("fields").path("description").asText());
        // no address given: a printable letter, logged and downloadable
        JsonNode confirmation = r.json().path("confirmation");
        assertEquals("LETTER", confirmation.path("medium").asText());
        HttpResult letter = admin.get(CASES + "/" + id + "/attachments/" + confirmation.path("letterAttachmentId").asLong()
                + "/content");
        assertStatus(letter, 200);
        assertTrue(letter.body().startsWith("%PDF-"));
        assertEquals("LETTER", admin.get(COMPLAINTS + "/" + id + "/correspondence").json().path(0).path("medium").asText());
        assertStatus(admin.get(COMPLAINTS + "/queues/nonsense"), 404);
        String openApi = http().get("/api/v1/openapi.json").body();
        for (String path : List.of("/complaints", "/complaints/{id}/prior", "/complaints/{id}/triage",
                "/complaints/queues/{queue}", "/complaint-categories/{key}")) {
            assertTrue(path, openApi.contains("\"" + path + "\""));
        }
        assertStatus(admin.get(COMPLAINTS + "/queues/mine?size=0"), 400);
    }

    @Test
    public void administratorsAddCategoriesThatComplaintsMayThenUse() {
        String intake = createUser("intake", "intake");
        String key = "food-" + UUID.randomUUID().toString().substring(0, 6);
        assertStatus(http().as(intake, PASSWORD).put("/api/v1/complaint-categories/" + key, Map.of("label", "Food")), 403);
        assertStatus(admin().put("/api/v1/complaint-categories/" + key, Map.of("label", "Food")), 200);
        assertStatus(admin().put("/api/v1/complaint-categories/Bad_Key", Map.of("label", "Food")), 400);
        JsonNode list = http().as(intake, PASSWORD).get("/api/v1/complaint-categories").json();
        assertTrue(list.toString(), list.toString().contains(key));
        Map<String, Object> fields = complaint("EMAIL", Map.of("fullName", "Category User"), null);
        fields.put("categories", key + ", medical");
        HttpResult r = http().as(intake, PASSWORD).post(COMPLAINTS, Map.of("fields", fields));
        assertStatus(r, 201);
    }

    /** Every message in the officer's mailbox, raw, read over IMAP. */
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
}
