package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;

import org.casework.itests.support.CaseworkTestSupport;
import org.casework.itests.support.HttpResult;
import org.casework.itests.support.MailServer;
import org.casework.itests.support.PortalClient;
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
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The public complaint portal over real HTTP with the real complaints module behind it, on Derby
 * and PostgreSQL: the page is served without sign-in and with strict headers; a complaint filed
 * through the portal is in the staff's intake queue marked "web portal", its confirmation arrives
 * in a real mailbox (GreenMail, in Spanish when filed in Spanish); missing consent, a bad A-Number,
 * an incident date in the future, a 25 MB file, a program named .pdf, a filled honeypot and a
 * flood from one address are refused naming the field, with nothing stored, while the staff API
 * answers; markup typed into a field is stored verbatim as text; with the complaints module
 * stopped the page stays and submissions answer 503.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PortalIT extends CaseworkTestSupport {

    private static final int RATE_LIMIT = 5;
    private static final String IMAP_PORT = "casework.it.imap.port";
    private static final String CASES = "/api/v1/cases/complaint";
    private static final String COMPLAINTS = "/api/v1/complaints";
    private static final String COMPLAINTS_BUNDLE = "org.casework.complaints.impl";

    @Configuration
    @Override
    public Option[] config() {
        int[] ports = MailServer.start();
        return OptionUtils.combine(baseOptions(),
                // the portal's feature brings the complaints module with it
                editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot", ",casework-portal"),
                // each test posts from an address of its own, so the rate limit of one does not spill
                editConfigurationFilePut("etc/org.casework.portal.cfg", "trustForwardedFor", "true"),
                editConfigurationFilePut("etc/org.casework.portal.cfg", "rateLimitCount", Integer.toString(RATE_LIMIT)),
                editConfigurationFilePut("etc/org.casework.portal.cfg", "proofOfWorkBits", "12"),
                editConfigurationFilePut("etc/org.casework.mail.cfg", "enabled", "true"),
                editConfigurationFilePut("etc/org.casework.mail.cfg", "host", "127.0.0.1"),
                editConfigurationFilePut("etc/org.casework.mail.cfg", "port", Integer.toString(ports[0])),
                editConfigurationFilePut("etc/org.casework.mail.cfg", "from", "casework@casework.test"),
                editConfigurationFilePut("etc/org.casework.mail.cfg", "retryDelayMs", "500"),
                systemProperty(IMAP_PORT).value(Integer.toString(ports[1])));
    }

    @Before
    public void ready() {
        awaitHealthy();
        waitUntil("GET /portal/ is served", BOOT_TIMEOUT, () -> http().get("/portal/").status() == 200);
        waitUntil("the portal accepts complaints", BOOT_TIMEOUT,
                () -> http().get("/portal/api/status").json().path("available").asBoolean());
        waitUntil("the complaints API answers", BOOT_TIMEOUT, () -> admin().get(CASES + "?size=1").status() == 200);
    }

    private PortalClient client(String address) {
        return new PortalClient(http(), address);
    }

    /** How many complaints staff can see: what a refused submission must leave unchanged. */
    private long complaints() {
        HttpResult r = admin().get(CASES + "?size=1");
        assertEquals(r.toString(), 200, r.status());
        return r.json().path("total").asLong();
    }

    /** The complaint with this number as staff read it through REST, found in the intake queue. */
    private JsonNode stored(String number) {
        JsonNode queue = admin().get(COMPLAINTS + "/queues/unassigned?size=200").json();
        for (JsonNode i : queue.path("items")) {
            if (number.equals(i.path("number").asText())) {
                assertEquals("WEB_PORTAL", i.path("channel").asText());
                return admin().get(CASES + "/" + i.path("caseId").asLong()).json();
            }
        }
        throw new AssertionError("no complaint " + number + " in the intake queue " + queue);
    }

    @Test
    public void thePageIsServedWithoutSignInWithStrictHeaders() {
        HttpResult redirect = http().get("/portal");
        assertEquals(302, redirect.status());
        assertTrue(redirect.header("Location").orElse("").endsWith("/portal/"));

        HttpResult page = http().get("/portal/");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("id=\"complaint-form\""));
        String csp = page.header("Content-Security-Policy").orElse("");
        assertTrue(csp, csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"));
        assertFalse(csp, csp.contains("unsafe-inline") || csp.contains("unsafe-eval"));
        assertEquals("nosniff", page.header("X-Content-Type-Options").orElse(""));
        assertEquals("DENY", page.header("X-Frame-Options").orElse(""));
        assertFalse("no session cookie", page.header("Set-Cookie").isPresent());

        HttpResult script = http().get("/portal/js/portal.js");
        assertEquals(200, script.status());
        assertTrue(script.header("Content-Type").orElse(""), script.header("Content-Type").orElse("").contains("javascript"));
        assertEquals("nosniff", script.header("X-Content-Type-Options").orElse(""));
        assertEquals(200, http().get("/portal/i18n/es.json").status());

        HttpResult status = http().get("/portal/api/status");
        assertEquals("no-store, max-age=0", status.header("Cache-Control").orElse(""));
        assertTrue(status.json().get("available").asBoolean());

        // the staff API behind it still wants a sign-in
        assertEquals(401, http().get("/api/v1/users").status());
        assertEquals(401, http().get(CASES).status());
    }

    @Test
    public void aPortalComplaintReachesTheIntakeQueueAndItsConfirmationTheMailbox() throws Exception {
        PortalClient client = client("198.51.100.1");
        byte[] pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        String markup = "No insulin for three days. <script>alert(1)</script> <b onclick=\"x()\">&amp;</b>";
        PortalClient.Form form = client.validForm()
                .field("submitterEmail", MailServer.OFFICER)
                .field("description", markup)
                .field("categories", "medical,abuse")
                .field("subjectType", "FAMILY_UNIT")
                .field("detaineeCountryOfBirth", "Guatemala")
                .file("medical record.pdf", "application/octet-stream", pdf);

        HttpResult answer = client.submit(form, "en");

        assertEquals(answer.toString(), 201, answer.status());
        String number = answer.json().get("caseNumber").asText();
        assertTrue(number, number.startsWith("CMP-"));
        assertTrue(answer.json().get("confirmationEmailed").asBoolean());
        assertTrue(answer.json().get("message").asText().contains(number));
        assertEquals("no-store, max-age=0", answer.header("Cache-Control").orElse(""));
        assertTrue(answer.header("Content-Type").orElse(""), answer.header("Content-Type").orElse("").startsWith("application/json"));
        assertFalse("the answer echoes nothing typed into the form", answer.body().contains("script") || answer.body().contains("<"));

        // staff see it, unassigned and marked "web portal", with the fields as the form filled them
        JsonNode queue = admin().get(COMPLAINTS + "/queues/unassigned?size=200").json();
        JsonNode item = null;
        for (JsonNode i : queue.path("items")) {
            if (number.equals(i.path("number").asText())) {
                item = i;
            }
        }
        assertNotNull(queue.toString(), item);
        assertEquals("WEB_PORTAL", item.path("channel").asText());
        long id = item.path("caseId").asLong();
        JsonNode fields = admin().get(CASES + "/" + id).json().path("fields");
        assertEquals(fields.toString(), markup, fields.path("description").asText());
        assertEquals("WEB_PORTAL", fields.path("channel").asText());
        assertEquals("medical,abuse", fields.path("categories").asText());
        assertEquals("FAMILY_UNIT", fields.path("inquirySubject").asText());
        assertEquals("Guatemala", fields.path("countryOfBirth").asText());
        assertEquals("Luis Ruiz Gómez", fields.path("detainee").path("fullName").asText());
        assertEquals("Luisito", fields.path("detainee").path("aliases").path(1).asText());
        assertEquals("Ana Ruiz", fields.path("submitter").path("fullName").asText());
        assertEquals("EN", fields.path("language").asText());
        assertTrue(fields.path("consentToInvestigate").asBoolean());
        JsonNode summary = admin().get(COMPLAINTS + "/" + id).json();
        assertFalse(summary.toString(), summary.path("intake").path("privacyVersion").asText().isBlank());
        JsonNode files = admin().get(CASES + "/" + id + "/attachments").json();
        assertEquals(files.toString(), "medical record.pdf", files.path(0).path("fileName").asText());
        assertEquals("application/pdf", files.path(0).path("contentType").asText());

        String mail = awaitMail("Confirmation of your complaint " + number);
        assertTrue(mail, mail.contains("Your case number is " + number));
        assertEquals("EMAIL", admin().get(COMPLAINTS + "/" + id + "/correspondence").json().path(0).path("medium").asText());

        // the same solved challenge a second time is refused, and files nothing
        long before = complaints();
        HttpResult replay = client.submit(form, "en");
        assertEquals(400, replay.status());
        assertEquals("proofOfWork", replay.json().get("errors").get(0).get("rule").asText());
        assertEquals(before, complaints());
    }

    @Test
    public void aComplaintFiledInSpanishIsConfirmedInSpanish() throws Exception {
        PortalClient client = client("198.51.100.8");

        HttpResult answer = client.submit(client.validForm().field("submitterEmail", MailServer.OFFICER), "es");

        assertEquals(answer.toString(), 201, answer.status());
        String number = answer.json().get("caseNumber").asText();
        assertEquals("es", answer.json().get("language").asText());
        assertTrue(answer.json().get("message").asText(), answer.json().get("message").asText().contains(number));
        assertEquals("ES", stored(number).path("fields").path("language").asText());
        String mail = awaitMail("Confirmación de su queja " + number);
        assertTrue(mail, mail.contains("Su número de caso es " + number));
    }

    @Test
    public void anAnonymousComplaintKeepsNoIdentityAndSendsNoConfirmation() {
        PortalClient client = client("198.51.100.9");

        HttpResult answer = client.submit(client.validForm().field("anonymous", "true")
                .field("submitterEmail", MailServer.OFFICER), "en");

        assertEquals(answer.toString(), 201, answer.status());
        assertFalse(answer.json().get("confirmationEmailed").asBoolean());
        JsonNode fields = stored(answer.json().get("caseNumber").asText()).path("fields");
        assertTrue(fields.path("anonymous").asBoolean());
        assertTrue(fields.toString(), fields.path("submitter").isMissingNode() && fields.path("submitterEmail").isMissingNode());
        assertEquals("WEB_PORTAL", fields.path("channel").asText());
    }

    @Test
    public void missingConsentAndABadANumberAreRefusedNamingBothInSpanish() {
        PortalClient client = client("198.51.100.2");
        long before = complaints();

        HttpResult answer = client.submit(client.validForm().without("consent").field("aNumber", "12-34"), "es");

        assertEquals(answer.toString(), 400, answer.status());
        assertEquals("es", answer.json().get("language").asText());
        JsonNode consent = error(answer, "consent");
        assertEquals("consent", consent.get("input").asText());
        assertTrue(consent.get("message").asText(), consent.get("message").asText().startsWith("Debe dar su consentimiento"));
        JsonNode aNumber = error(answer, "fields.aNumber");
        assertEquals("aNumber", aNumber.get("input").asText());
        assertTrue(aNumber.get("message").asText(), aNumber.get("message").asText().startsWith("Escriba el número A con 8 o 9"));
        assertEquals(before, complaints());

        // a 7-digit number, which other record types take, is not an A-Number for a complaint
        HttpResult seven = client.submit(client.validForm().field("aNumber", "A1234567"), "en");
        assertEquals(seven.toString(), 400, seven.status());
        assertTrue(error(seven, "fields.aNumber").get("message").asText().startsWith("Enter the A-Number as 8 or 9 digits"));
        assertEquals(before, complaints());
    }

    @Test
    public void anIncidentDateInTheFutureIsRefusedNamingTheDate() {
        PortalClient client = client("198.51.100.10");
        long before = complaints();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();

        HttpResult answer = client.submit(client.validForm().field("incidentDate", tomorrow), "es");

        assertEquals(answer.toString(), 400, answer.status());
        JsonNode date = error(answer, "fields.incidentDate");
        assertEquals("incidentDate", date.get("input").asText());
        assertEquals("notInFuture", date.get("rule").asText());
        assertEquals("Esta fecha no puede ser futura.", date.get("message").asText());
        assertEquals(before, complaints());
    }

    @Test
    public void anUnknownCategoryIsRefusedNamingTheCategories() {
        PortalClient client = client("198.51.100.11");
        long before = complaints();

        HttpResult answer = client.submit(client.validForm().field("categories", "medical,free-pizza"), "en");

        assertEquals(answer.toString(), 400, answer.status());
        JsonNode category = error(answer, "fields.categories");
        assertEquals("categories", category.get("input").asText());
        assertEquals("Choose the categories from the list offered.", category.get("message").asText());
        assertFalse("the answer does not echo the input", answer.body().contains("free-pizza"));
        assertEquals(before, complaints());
    }

    @Test
    public void theFormOffersTheCategoriesAdministratorsKeepActive() {
        // the shipped ones, in the order of their labels as staff see them
        assertEquals(List.of("abuse", "disability-accommodation", "language-access", "legal-representation",
                "medical", "personal-property", "religious-accommodation"),
                categoryKeys().stream().filter(k -> !k.startsWith("food-")).toList());
        String key = "food-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        HttpResult added = admin().put("/api/v1/complaint-categories/" + key, Map.of("label", "Food and water"));
        assertEquals(added.toString(), 200, added.status());
        assertTrue(categoryKeys().toString(), categoryKeys().contains(key));
        JsonNode offered = null;
        for (JsonNode c : http().get("/portal/api/status").json().path("categories")) {
            if (key.equals(c.path("key").asText())) {
                offered = c;
            }
        }
        assertEquals("Food and water", offered.path("label").asText());

        PortalClient client = client("198.51.100.12");
        HttpResult filed = client.submit(client.validForm().field("categories", key + ",medical"), "en");
        assertEquals(filed.toString(), 201, filed.status());
        assertEquals(key + ",medical", stored(filed.json().get("caseNumber").asText()).path("fields")
                .path("categories").asText());

        HttpResult retired = admin().put("/api/v1/complaint-categories/" + key,
                Map.of("label", "Food and water", "active", false));
        assertEquals(retired.toString(), 200, retired.status());
        assertFalse(categoryKeys().contains(key));
    }

    private List<String> categoryKeys() {
        List<String> keys = new ArrayList<>();
        http().get("/portal/api/status").json().path("categories").forEach(c -> keys.add(c.path("key").asText()));
        return keys;
    }

    @Test
    public void a25MegabyteUploadIsRefusedNamingTheFile() {
        PortalClient client = client("198.51.100.3");
        long before = complaints();
        byte[] big = new byte[25 * 1024 * 1024];
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 8);

        HttpResult answer = client.submit(client.validForm().file("scan-of-file.pdf", "application/pdf", big), "en");

        assertEquals(answer.toString(), 413, answer.status());
        JsonNode error = answer.json().get("errors").get(0);
        assertEquals("fileTooLarge", error.get("rule").asText());
        assertEquals("scan-of-file.pdf", error.get("fileName").asText());
        assertTrue(error.get("message").asText().contains("scan-of-file.pdf"));
        assertEquals(before, complaints());
    }

    @Test
    public void anExecutableRenamedPdfIsRefused() {
        PortalClient client = client("198.51.100.4");
        long before = complaints();
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';

        HttpResult answer = client.submit(client.validForm().file("statement.pdf", "application/pdf", exe), "es");

        assertEquals(answer.toString(), 400, answer.status());
        JsonNode error = answer.json().get("errors").get(0);
        assertEquals("fileContent", error.get("rule").asText());
        assertEquals("attachments", error.get("field").asText());
        assertTrue(error.get("message").asText(), error.get("message").asText().startsWith("El archivo «statement.pdf»"));
        assertEquals(before, complaints());
    }

    @Test
    public void aFilledHoneypotIsRefused() {
        PortalClient client = client("198.51.100.5");
        long before = complaints();

        HttpResult answer = client.submit(client.validForm().field("website", "https://cheap-pills.example"), "en");

        assertEquals(400, answer.status());
        assertEquals("automated", answer.json().get("errors").get(0).get("rule").asText());
        assertEquals(before, complaints());
    }

    @Test
    public void aFloodFromOneAddressGets429WhileTheStaffApiAnswers() throws Exception {
        PortalClient flooder = client("203.0.113.66");
        long before = complaints();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> posts = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                posts.add(pool.submit(() -> flooder.submit(new PortalClient.Form().field("detaineeName", "x"), "en").status()));
            }
            // staff keep working while the flood runs
            for (int i = 0; i < 5; i++) {
                HttpResult users = admin().get("/api/v1/users?size=1");
                assertEquals(users.toString(), 200, users.status());
                HttpResult queue = admin().get(COMPLAINTS + "/queues/unassigned?size=1");
                assertEquals(queue.toString(), 200, queue.status());
                assertEquals(200, http().get("/api/v1/health").status());
            }
            int refused = 0;
            for (Future<Integer> post : posts) {
                if (post.get() == 429) {
                    refused++;
                }
            }
            assertEquals("all but the first " + RATE_LIMIT + " posts are refused", 40 - RATE_LIMIT, refused);
        } finally {
            pool.shutdownNow();
        }
        HttpResult limited = flooder.submit(new PortalClient.Form(), "es");
        assertEquals(429, limited.status());
        long retryAfter = Long.parseLong(limited.header("Retry-After").orElse("0"));
        assertTrue("Retry-After " + retryAfter, retryAfter > 0 && retryAfter <= 600);
        assertTrue(limited.json().get("errors").get(0).get("message").asText().startsWith("Se enviaron demasiadas quejas"));
        assertEquals("nothing of the flood was filed", before, complaints());

        // another address is unaffected
        PortalClient other = client("198.51.100.6");
        assertEquals(201, other.submit(other.validForm(), "en").status());
        assertEquals(before + 1, complaints());
    }

    @Test
    public void withTheComplaintsModuleStoppedThePageStaysAndSubmissionsAnswer503() throws Exception {
        PortalClient client = client("198.51.100.7");
        PortalClient.Form form = client.validForm();
        Bundle complaintsBundle = null;
        for (Bundle b : bundleContext.getBundles()) {
            if (COMPLAINTS_BUNDLE.equals(b.getSymbolicName())) {
                complaintsBundle = b;
            }
        }
        assertNotNull(COMPLAINTS_BUNDLE + " is installed", complaintsBundle);
        complaintsBundle.stop();
        try {
            waitUntil("the portal reports it is unavailable", Duration.ofSeconds(30),
                    () -> !http().get("/portal/api/status").json().path("available").asBoolean());

            HttpResult page = http().get("/portal/");
            assertEquals(200, page.status());
            assertTrue(page.body().contains("id=\"unavailable\""));
            HttpResult answer = client.submit(form, "en");
            assertEquals(503, answer.status());
            assertTrue(answer.header("Retry-After").isPresent());
            assertTrue(answer.json().get("errors").get(0).get("message").asText()
                    .startsWith("Online complaints are temporarily unavailable"));
            assertEquals(503, http().get("/portal/api/challenge").status());
        } finally {
            complaintsBundle.start();
            waitUntil("the portal accepts complaints again", BOOT_TIMEOUT,
                    () -> http().get("/portal/api/status").json().path("available").asBoolean());
        }
        // the form works again without a restart
        waitUntil("the complaints API answers again", BOOT_TIMEOUT, () -> admin().get(CASES + "?size=1").status() == 200);
        HttpResult again = client.submit(client.validForm(), "en");
        assertEquals(again.toString(), 201, again.status());
    }

    private static JsonNode error(HttpResult answer, String field) {
        for (JsonNode e : answer.json().get("errors")) {
            if (field.equals(e.path("field").asText())) {
                return e;
            }
        }
        throw new AssertionError("no error for " + field + " in " + answer);
    }

    /** The first message whose subject is {@code subject}, as "subject, blank line, text", waiting for it. */
    private static String awaitMail(String subject) {
        return Wait.forValue("an e-mail \"" + subject + "\"", BOOT_TIMEOUT,
                () -> inbox().stream().filter(m -> m.startsWith(subject + "\n")).findFirst().orElse(null),
                m -> m != null);
    }

    /** Every message in the officer's mailbox, decoded, read over IMAP. */
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
                        messages.add(m.getSubject() + "\n\n" + text(m.getContent()));
                    }
                }
            }
            return messages;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String text(Object content) throws Exception {
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/*") || part.isMimeType("multipart/*")) {
                    all.append(text(part.getContent())).append('\n');
                }
            }
            return all.toString();
        }
        if (content instanceof String s) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (content instanceof java.io.InputStream in) {
            in.transferTo(out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
