package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.casework.complaints.api.PortalIntake;
import org.casework.complaints.api.PortalSubmission;
import org.casework.itests.support.CaseworkTestSupport;
import org.casework.itests.support.HttpResult;
import org.casework.itests.support.PortalClient;
import org.casework.itests.support.RecordingPortalIntake;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The public complaint portal over real HTTP, with a stand-in for the complaints module behind
 * {@link PortalIntake} registered by the test: the page is served without sign-in and with strict
 * headers; a complaint with a solved proof of work is filed; missing consent, a 25 MB file, a
 * program named .pdf and a filled honeypot are refused with nothing filed; a flood from one
 * address gets 429 while the staff API answers; without an intake the page stays and submissions
 * answer 503.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PortalIT extends CaseworkTestSupport {

    private static final int RATE_LIMIT = 5;

    private RecordingPortalIntake intake;
    private ServiceRegistration<PortalIntake> registration;

    @Configuration
    @Override
    public Option[] config() {
        return new Option[] {
            baseOptions()[0],
            editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot", ",casework-portal"),
            // each test posts from an address of its own, so the rate limit of one does not spill
            editConfigurationFilePut("etc/org.casework.portal.cfg", "trustForwardedFor", "true"),
            editConfigurationFilePut("etc/org.casework.portal.cfg", "rateLimitCount", Integer.toString(RATE_LIMIT)),
            editConfigurationFilePut("etc/org.casework.portal.cfg", "proofOfWorkBits", "12"),
        };
    }

    @Before
    public void registerIntake() {
        awaitHealthy();
        waitUntil("GET /portal/ is served", BOOT_TIMEOUT, () -> http().get("/portal/").status() == 200);
        intake = new RecordingPortalIntake();
        registration = bundleContext.registerService(PortalIntake.class, intake, null);
        waitUntil("the portal accepts complaints", Duration.ofSeconds(30),
                () -> http().get("/portal/api/status").json().path("available").asBoolean());
    }

    @After
    public void unregisterIntake() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }

    private PortalClient client(String address) {
        return new PortalClient(http(), address);
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
    }

    @Test
    public void aComplaintWithASolvedProofOfWorkIsFiledAndAnswersItsCaseNumber() {
        PortalClient client = client("198.51.100.1");
        byte[] pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        PortalClient.Form form = client.validForm().file("medical record.pdf", "application/octet-stream", pdf);

        HttpResult answer = client.submit(form, "en");

        assertEquals(answer.toString(), 201, answer.status());
        assertTrue(answer.json().get("caseNumber").asText().startsWith("TEST-"));
        assertTrue(answer.json().get("confirmationEmailed").asBoolean());
        assertTrue(answer.json().get("message").asText().contains(answer.json().get("caseNumber").asText()));
        assertEquals("no-store, max-age=0", answer.header("Cache-Control").orElse(""));

        assertEquals(1, intake.received().size());
        PortalSubmission s = intake.received().get(0);
        assertEquals(Map.of("fullName", "Luis Ruiz Gómez", "aliases", List.of("Luis Gomez", "Luisito")),
                s.fields().get("detainee"));
        assertEquals("A123-456-789", s.fields().get("aNumber"));
        assertEquals(List.of("medical"), s.fields().get("categories"));
        assertEquals("No insulin for three days. <script>alert(1)</script>", s.fields().get("description"));
        assertTrue(s.consentToInvestigate());
        assertFalse(s.anonymous());
        assertEquals("198.51.100.1", s.remoteAddress());
        assertTrue(s.privacyStatementVersion() != null && s.privacyStatementAcceptedAt() != null);
        assertEquals("medical record.pdf", s.uploads().get(0).fileName());
        assertEquals("application/pdf", s.uploads().get(0).claimedContentType());

        // the same solved challenge a second time is refused
        HttpResult replay = client.submit(form, "en");
        assertEquals(400, replay.status());
        assertEquals("proofOfWork", replay.json().get("errors").get(0).get("rule").asText());

        // anonymous: no identity reaches the intake, no confirmation is promised
        HttpResult anonymous = client.submit(client.validForm().field("anonymous", "true"), "en");
        assertEquals(201, anonymous.status());
        assertFalse(anonymous.json().get("confirmationEmailed").asBoolean());
        PortalSubmission a = intake.received().get(1);
        assertTrue(a.anonymous());
        assertFalse(a.fields().containsKey("submitter") || a.fields().containsKey("submitterEmail"));
    }

    @Test
    public void missingConsentIsRefusedNamingConsentInSpanish() {
        PortalClient client = client("198.51.100.2");

        HttpResult answer = client.submit(client.validForm().without("consent").field("aNumber", "12-34"), "es");

        assertEquals(answer.toString(), 400, answer.status());
        assertEquals("es", answer.json().get("language").asText());
        JsonNode consent = error(answer, "consent");
        assertEquals("consent", consent.get("input").asText());
        assertTrue(consent.get("message").asText(), consent.get("message").asText().startsWith("Debe dar su consentimiento"));
        JsonNode aNumber = error(answer, "fields.aNumber");
        assertTrue(aNumber.get("message").asText(), aNumber.get("message").asText().startsWith("Escriba el número A"));
        assertTrue(intake.received().isEmpty());
    }

    @Test
    public void a25MegabyteUploadIsRefusedNamingTheFile() {
        PortalClient client = client("198.51.100.3");
        byte[] big = new byte[25 * 1024 * 1024];
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 8);

        HttpResult answer = client.submit(client.validForm().file("scan-of-file.pdf", "application/pdf", big), "en");

        assertEquals(answer.toString(), 413, answer.status());
        JsonNode error = answer.json().get("errors").get(0);
        assertEquals("fileTooLarge", error.get("rule").asText());
        assertEquals("scan-of-file.pdf", error.get("fileName").asText());
        assertTrue(error.get("message").asText().contains("scan-of-file.pdf"));
        assertTrue(intake.received().isEmpty());
    }

    @Test
    public void anExecutableRenamedPdfIsRefused() {
        PortalClient client = client("198.51.100.4");
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';

        HttpResult answer = client.submit(client.validForm().file("statement.pdf", "application/pdf", exe), "es");

        assertEquals(answer.toString(), 400, answer.status());
        JsonNode error = answer.json().get("errors").get(0);
        assertEquals("fileContent", error.get("rule").asText());
        assertEquals("attachments", error.get("field").asText());
        assertTrue(error.get("message").asText(), error.get("message").asText().startsWith("El archivo «statement.pdf»"));
        assertTrue(intake.received().isEmpty());
    }

    @Test
    public void aFilledHoneypotIsRefused() {
        PortalClient client = client("198.51.100.5");

        HttpResult answer = client.submit(client.validForm().field("website", "https://cheap-pills.example"), "en");

        assertEquals(400, answer.status());
        assertEquals("automated", answer.json().get("errors").get(0).get("rule").asText());
        assertTrue(intake.received().isEmpty());
    }

    @Test
    public void aFloodFromOneAddressGets429WhileTheStaffApiAnswers() throws Exception {
        PortalClient flooder = client("203.0.113.66");
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

        // another address is unaffected
        PortalClient other = client("198.51.100.6");
        assertEquals(201, other.submit(other.validForm(), "en").status());
    }

    @Test
    public void withoutTheComplaintsModuleThePageStaysAndSubmissionsAnswer503() {
        PortalClient client = client("198.51.100.7");
        PortalClient.Form form = client.validForm();
        registration.unregister();
        registration = null;
        waitUntil("the portal reports it is unavailable", Duration.ofSeconds(30),
                () -> !http().get("/portal/api/status").json().path("available").asBoolean());

        assertEquals(200, http().get("/portal/").status());
        HttpResult answer = client.submit(form, "en");
        assertEquals(503, answer.status());
        assertTrue(answer.header("Retry-After").isPresent());
        assertTrue(answer.json().get("errors").get(0).get("message").asText().startsWith("Online complaints are temporarily unavailable"));
        assertEquals(503, http().get("/portal/api/challenge").status());
    }

    private static JsonNode error(HttpResult answer, String field) {
        for (JsonNode e : answer.json().get("errors")) {
            if (field.equals(e.path("field").asText())) {
                return e;
            }
        }
        throw new AssertionError("no error for " + field + " in " + answer);
    }
}
