package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
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
 * Misuse alerts end to end: failed sign-ins over real HTTP raise an alert that a security officer
 * lists and acknowledges, and that arrives by mail at a real SMTP server (GreenMail, in the
 * driver JVM), read back over IMAP from inside the container.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MisuseAlertsIT extends CaseworkTestSupport {

    private static final String IMAP_PORT = "casework.it.imap.port";
    private static final String PASSWORD = "violet tractor lamp";

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
                editConfigurationFilePut("etc/org.casework.audit.alerts.cfg", "notify", MailServer.OFFICER),
                editConfigurationFilePut("etc/org.casework.audit.alerts.cfg", "failures.limit", "2"),
                // sign-ins by the test's own users must not depend on the hour the test runs
                editConfigurationFilePut("etc/org.casework.audit.alerts.cfg", "offhours.enabled", "false"),
                editConfigurationFilePut("etc/org.casework.audit.log.cfg", "chainPeriodSeconds", "1"),
                systemProperty(IMAP_PORT).value(Integer.toString(ports[1])));
    }

    @Before
    public void ready() {
        awaitHealthy();
        Wait.until("the alerts API answers", BOOT_TIMEOUT, () -> admin().get("/api/v1/alerts").status() == 200);
    }

    private static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void assertStatus(HttpResult result, int status) {
        assertEquals(result.toString(), status, result.status());
    }

    private void createUser(String username, List<String> roles) {
        assertStatus(admin().post("/api/v1/users", Map.of("username", username, "roles", roles,
                "divisions", List.of(), "password", PASSWORD)), 201);
    }

    @Test
    public void repeatedFailedSignInsRaiseAnAlertThatIsMailedAndAcknowledged() throws Exception {
        String target = uniqueName("target");
        for (int i = 0; i < 3; i++) {
            assertStatus(http().post("/api/v1/session", Map.of("username", target, "password", "guess " + i)), 401);
        }

        String query = "/api/v1/alerts?rule=sign-in-failures&user=" + target;
        JsonNode page = Wait.forValue("an alert for " + target, BOOT_TIMEOUT, () -> admin().get(query),
                r -> r.status() == 200 && r.json().path("total").asLong() == 1).json();
        JsonNode alert = page.path("items").path(0);
        assertEquals(alert.toString(), "open", alert.path("status").asText());
        assertEquals(alert.toString(), target, alert.path("username").asText());
        assertTrue(alert.toString(), alert.path("summary").asText().contains("failed sign-ins for " + target));
        long id = alert.path("id").asLong();

        String mail = Wait.forValue("the alert mail for " + target, BOOT_TIMEOUT,
                () -> inbox().stream().filter(m -> m.contains("User: " + target)).findFirst().orElse(null),
                m -> m != null);
        assertTrue(mail, mail.contains("Subject: Casework alert: More than 2 failed sign-ins for " + target));
        assertTrue(mail, mail.contains("From: casework@casework.test"));
        assertTrue(mail, mail.contains("Alert: " + id));

        assertStatus(admin().get("/api/v1/alerts/" + id), 200);
        HttpResult tooLong = admin().post("/api/v1/alerts/" + id + "/acknowledge", Map.of("comment", "x".repeat(2001)));
        assertStatus(tooLong, 400);
        assertEquals(tooLong.toString(), "comment", tooLong.json().path("errors").path(0).path("field").asText());

        HttpResult acknowledged = admin().post("/api/v1/alerts/" + id + "/acknowledge",
                Map.of("comment", "Spoke with the account holder."));
        assertStatus(acknowledged, 200);
        assertEquals("acknowledged", acknowledged.json().path("status").asText());
        assertEquals("admin", acknowledged.json().path("acknowledgedBy").asText());
        assertEquals("Spoke with the account holder.", acknowledged.json().path("comment").asText());
        assertStatus(admin().post("/api/v1/alerts/" + id + "/acknowledge", Map.of("comment", "again")), 409);
        assertEquals("acknowledged", admin().get("/api/v1/alerts/" + id).json().path("status").asText());
        assertEquals(1, admin().get(query + "&status=acknowledged").json().path("total").asLong());
        assertEquals(0, admin().get(query + "&status=open").json().path("total").asLong());

        // reading and acknowledging alerts is itself in the audit trail
        Wait.until("the acknowledgement is audited", BOOT_TIMEOUT, () -> admin()
                .get("/api/v1/audit?recordType=alert&action=update&recordId=" + id).json().path("total").asLong() == 1);
        assertTrue(admin().get("/api/v1/audit?recordType=alert&action=view&recordId=" + id).json()
                .path("total").asLong() >= 1);
    }

    @Test
    public void onlySecurityOfficersAndAdministratorsSeeAlerts() {
        String staff = uniqueName("staff");
        createUser(staff, List.of("staff"));
        String officer = uniqueName("officer");
        createUser(officer, List.of("staff", "security-officer"));

        CaseworkHttp asStaff = http().as(staff, PASSWORD);
        assertStatus(asStaff.get("/api/v1/alerts"), 403);
        assertStatus(asStaff.get("/api/v1/alerts/1"), 403);
        assertStatus(asStaff.post("/api/v1/alerts/1/acknowledge", Map.of()), 403);
        assertStatus(http().get("/api/v1/alerts"), 401);
        assertStatus(http().as(officer, PASSWORD).get("/api/v1/alerts"), 200);
    }

    @Test
    public void badRequestsAreRefusedNamingTheParameter() {
        assertStatus(admin().get("/api/v1/alerts/999999999"), 404);
        assertStatus(admin().get("/api/v1/alerts/not-a-number"), 404);
        assertStatus(admin().post("/api/v1/alerts/999999999/acknowledge", Map.of("comment", "x")), 404);
        for (String[] bad : new String[][] {{"page=-1", "page"}, {"size=0", "size"}, {"size=201", "size"},
                {"page=x", "page"}, {"status=closed", "status"}, {"rule=nonsense", "rule"}, {"from=yesterday", "from"},
                {"from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to"}}) {
            HttpResult r = admin().get("/api/v1/alerts?" + bad[0]);
            assertStatus(r, 400);
            assertEquals(r.toString(), bad[1], r.json().path("errors").path(0).path("field").asText());
        }
    }

    /** Every message in the officer's mailbox, raw, read over IMAP. */
    private static List<String> inbox() throws Exception {
        // Jakarta Mail finds its IMAP provider through the context class loader
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
                        // unfolded, so a long header reads as one line
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
