package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.casework.itests.support.CaseworkHttp;
import org.casework.itests.support.CaseworkOptions;
import org.casework.itests.support.ConsoleBrowser;
import org.casework.itests.support.HttpResult;
import org.casework.itests.support.Wait;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TestRule;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExamServer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Intake staff and analysts work on complaints in the console's complaint pages, in a real
 * browser against the booted distribution with {@code casework-complaints-web}: a telephone
 * complaint taken by keyboard alone (bad input first: the error summary names the fields and
 * nothing is stored), the case number, the letter and a prior complaint with its reason shown at
 * once, the queue tabs, triage (a refused decline without reason, then accept) and an engagement.
 * axe-core checks the queues, the intake form and the work page.
 */
public class ComplaintsConsoleBrowserIT {

    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(180);
    private static final Path ARTIFACTS = Path.of("target", "complaints-console-browser");

    private static volatile int httpPort;
    private static volatile String adminPassword;

    @ClassRule
    public static final TestRule CONTAINER = RuleChain.outerRule(ConsoleBrowser.present())
            .around(new PaxExamServer(ComplaintsConsoleBrowserIT.class));

    private static ConsoleBrowser browser;
    private static WebDriver driver;
    private static WebDriverWait wait;

    /** The distribution with the complaints module and its console pages installed at boot. */
    @Configuration
    public Option[] config() {
        Option[] options = {
            CaseworkOptions.distribution(),
            editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot", ",casework-complaints-web"),
        };
        httpPort = Integer.parseInt(CaseworkOptions.systemPropertyOf(options, CaseworkOptions.HTTP_PORT));
        adminPassword = CaseworkOptions.systemPropertyOf(options, CaseworkOptions.ADMIN_PASSWORD);
        return options;
    }

    @BeforeClass
    public static void awaitPlatformAndStartBrowser() throws IOException {
        CaseworkHttp http = http();
        Wait.until("GET /api/v1/health lists the complaints module", BOOT_TIMEOUT, () -> {
            HttpResult health = http.get("/api/v1/health");
            return health.status() == 200 && health.body().contains("\"complaints\"");
        });
        ConsoleBrowser.awaitConsole(http, BOOT_TIMEOUT);
        Wait.until("the complaint pages are served", BOOT_TIMEOUT,
                () -> http.get("/console/complaints/pages.js").status() == 200);
        browser = ConsoleBrowser.start("en-US", ARTIFACTS);
        driver = browser.driver();
        wait = browser.waiter();
    }

    @AfterClass
    public static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
            driver = null;
        }
    }

    @Test
    public void intakeByKeyboardThenQueuesTriageAndEngagement() throws IOException {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        String family = "Haddad" + letters(6);
        String digits = String.valueOf(100_000_000 + ThreadLocalRandom.current().nextInt(800_000_000));
        Path scan = Files.createTempFile("intake-form", ".pdf");
        Files.writeString(scan, "%PDF-1.4\n% scanned intake form\n%%EOF\n", StandardCharsets.US_ASCII);
        try {
            driver.get(base() + "/console/");
            browser.awaitPage("signIn");
            adminPassword = browser.signIn(CaseworkOptions.ADMIN_USER, adminPassword);
            browser.awaitPage("home");

            // A prior complaint about the same person, entered earlier by mail.
            Map<String, Object> prior = new LinkedHashMap<>();
            prior.put("channel", "MAIL");
            prior.put("detainee", Map.of("fullName", "Amira " + family));
            prior.put("aNumber", "A" + digits);
            prior.put("description", "Property not returned.");
            prior.put("consentToInvestigate", true);
            HttpResult priorSaved = admin().post("/api/v1/complaints", Map.of("fields", prior));
            assertEquals(priorSaved.toString(), 201, priorSaved.status());
            String priorNumber = priorSaved.json().path("complaint").path("number").asText();

            // The navigation leads to the queues; the intake form is one link away.
            browser.navigateTo("module-complaints");
            browser.awaitPage("complaintQueues");
            assertEquals("Complaint queues", browser.heading());
            browser.check("queues", violations);
            driver.findElement(By.id("intake-link")).click();
            browser.awaitPage("complaintIntake");
            assertEquals("Take a complaint", browser.heading());
            browser.check("intake", violations);

            // Bad input: an impossible A-Number, an incident in the future, no description.
            String badName = "Nobody " + family + "x";
            browser.type("intake-detainee-name", badName);
            WebElement aNumber = driver.findElement(By.id("intake-a-number"));
            aNumber.sendKeys("12AB");
            assertEquals("Only digits, an A at the start, dashes and spaces are allowed.",
                    driver.findElement(By.id("intake-a-number-live")).getText());
            browser.setValue("intake-incident-date", LocalDate.now().plusDays(3).toString());
            aNumber.sendKeys(Keys.ENTER);
            // the module checks the A-Number before anything else and answers it alone
            WebElement summary = awaitErrorSummary();
            assertTrue(summary.getText(), summary.getText().contains("A-Number"));
            assertEquals("true", aNumber.getAttribute("aria-invalid"));
            // a summary link takes the keyboard to its field
            summary.findElement(By.partialLinkText("A-Number")).sendKeys(Keys.ENTER);
            assertEquals("intake-a-number", driver.switchTo().activeElement().getAttribute("id"));
            aNumber.clear();
            aNumber.sendKeys(Keys.ENTER);
            wait.until(ExpectedConditions.stalenessOf(summary));
            WebElement second = awaitErrorSummary();
            String listed = second.getText();
            for (String label : List.of("Date of the incident", "What happened")) {
                assertTrue("the summary names " + label + ": " + listed, listed.contains(label));
            }
            for (String id : List.of("intake-incident-date", "intake-description")) {
                assertEquals(id, "true", driver.findElement(By.id(id)).getAttribute("aria-invalid"));
            }
            browser.check("intake with errors", violations);
            assertEquals("nothing was stored", 0,
                    admin().get("/api/v1/cases/complaint?q=" + family + "x").json().path("total").asInt());

            // The telephone call, by keyboard alone, in the order of the call.
            driver.navigate().refresh();
            browser.awaitPage("complaintIntake");
            driver.findElement(By.cssSelector("main h1")).click();
            tabTo("intake-channel");
            assertEquals("TELEPHONE", driver.findElement(By.id("intake-channel")).getAttribute("value"));
            tabTo("intake-anonymous");
            tabTo("intake-submitter-name").sendKeys("Maria Lopez");
            tabTo("intake-submitter-relationship").sendKeys("A family member");
            tabTo("intake-submitter-phone").sendKeys("+1 202 555 0100");
            tabTo("intake-submitter-line1").sendKeys("12 Main Street");
            tabTo("intake-submitter-city").sendKeys("Newark");
            tabTo("intake-submitter-state").sendKeys("NJ");
            tabTo("intake-submitter-postal").sendKeys("07102");
            tabTo("intake-detainee-name").sendKeys("Amira " + family);
            tabTo("intake-detainee-aliases").sendKeys("Amira Hadad");
            tabTo("intake-a-number").sendKeys(digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6));
            assertEquals("Will be stored as A" + digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-"
                    + digits.substring(6) + ".", driver.findElement(By.id("intake-a-number-live")).getText());
            tabTo("intake-category-medical").sendKeys(Keys.SPACE);
            tabTo("intake-description").sendKeys("No medical care for three weeks despite requests.");
            tabTo("intake-consent").sendKeys(Keys.SPACE);
            tabTo("intake-emergency").sendKeys(Keys.SPACE);
            // choosing the file is the file dialog's business; the form sends it with the complaint
            tabTo("intake-paper-form").sendKeys(scan.toAbsolutePath().toString());
            tabTo("intake-submit");
            new Actions(driver).sendKeys(Keys.ENTER).perform();

            // Saved: the number, the letter (no e-mail address given), the prior complaint and why.
            WebElement saved = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("intake-saved")));
            wait.until(d -> saved.equals(d.switchTo().activeElement()));
            String number = driver.findElement(By.id("intake-number")).getText();
            assertTrue("a complaint number: " + number, number.startsWith("CMP-"));
            assertTrue(saved.getText().contains(number));
            assertEquals("LETTER", driver.findElement(By.id("intake-confirmation")).getAttribute("data-medium"));
            String letter = driver.findElement(By.id("intake-letter-link")).getAttribute("href");
            assertTrue(letter, letter.contains("/api/v1/cases/complaint/") && letter.endsWith("/content"));
            WebElement priorRow = driver.findElement(By.cssSelector("#intake-prior-table tbody tr"));
            assertTrue(priorRow.getText(), priorRow.getText().contains(priorNumber));
            assertTrue("the reason is shown: " + priorRow.getText(),
                    priorRow.getText().contains("same A-Number A" + digits.substring(0, 3)));
            assertFalse(driver.findElements(By.cssSelector("#intake-checks [data-emergency='true']")).isEmpty());
            JsonNode stored = admin().get("/api/v1/cases/complaint?q=" + family).json();
            assertEquals(stored.toString(), 2, stored.path("total").asInt());

            // The queues: both unassigned, the new one marked as an emergency in words.
            driver.findElement(By.cssSelector("#site-nav a[data-nav='module-complaints']")).click();
            browser.awaitPage("complaintQueues");
            driver.findElement(By.id("queue-tab-unassigned")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#queue-tab-unassigned[aria-current='page']")));
            browser.awaitPage("complaintQueues");
            WebElement row = queueRow(number);
            // the tag is upper-cased by the style sheet: the words are there, not only the colour
            assertTrue(row.getText(), row.getText().toLowerCase(java.util.Locale.ROOT).contains("⚠ emergency"));
            assertFalse(row.findElements(By.cssSelector("[data-emergency='true']")).isEmpty());
            assertTrue(queueRow(priorNumber).findElements(By.cssSelector("[data-emergency='true']")).isEmpty());
            int unassigned = Integer.parseInt(driver.findElement(By.cssSelector("[data-count='unassigned']"))
                    .getText().replaceAll("[^0-9]", ""));
            assertTrue("count of unassigned: " + unassigned, unassigned >= 2);
            driver.findElement(By.id("queue-tab-emergency")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#queue-tab-emergency[aria-current='page']")));
            browser.awaitPage("complaintQueues");
            queueRow(number);
            browser.check("emergency queue", violations);

            // Triage: a decline without a reason is refused next to the note, then accept.
            queueRow(number).findElement(By.linkText(number)).click();
            browser.awaitPage("complaintWork");
            assertTrue(browser.heading(), browser.heading().contains(number));
            assertTrue(driver.findElement(By.id("triage-prior-table")).getText().contains(priorNumber));
            assertTrue(driver.findElement(By.id("complaint-details")).getText().contains("A" + digits.substring(0, 3) + "-"));
            driver.findElement(By.id("triage-outcome-decline")).click();
            driver.findElement(By.id("triage-form-submit")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("triage-form-note"), "aria-invalid", "true"));
            assertTrue(driver.findElement(By.cssSelector("#triage-form .cw-error-summary")).getText()
                    .contains("Give the reason for declining."));
            driver.findElement(By.id("triage-outcome-accept")).click();
            driver.findElement(By.id("triage-form-submit")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash-message"),
                    "The triage outcome was recorded."));
            browser.awaitPage("complaintWork");
            assertTrue(driver.findElement(By.id("complaint-details")).getText().contains("Accept"));
            assertTrue(driver.findElements(By.id("triage-form")).isEmpty());

            // An engagement with a follow-up date.
            browser.type("engagement-form-party", "ICE ERO Newark");
            browser.type("engagement-form-summary", "Asked for the medical records.");
            browser.setValue("engagement-form-followUpOn", LocalDate.now().plusDays(7).toString());
            driver.findElement(By.id("engagement-form-submit")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash-message"), "The contact was logged."));
            browser.awaitPage("complaintWork");
            assertTrue(driver.findElement(By.id("engagement-table")).getText().contains("ICE ERO Newark"));
            browser.check("work page", violations);

            long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/", ""));
            JsonNode after = admin().get("/api/v1/complaints/" + id).json();
            assertEquals(after.toString(), "accept", after.path("intake").path("triageOutcome").asText());
            assertEquals("ACCEPTED", after.path("complaint").path("status").asText());
            JsonNode attachments = admin().get("/api/v1/cases/complaint/" + id + "/attachments").json();
            assertTrue("the scanned form is attached: " + attachments, attachments.toString().contains(scan.getFileName().toString()));
            JsonNode engagements = admin().get("/api/v1/complaints/" + id + "/engagements").json();
            assertEquals(1, engagements.size());
            assertEquals(LocalDate.now().plusDays(7).toString(), engagements.get(0).path("followUpOn").asText());
        } catch (RuntimeException | AssertionError e) {
            browser.keepEvidence("failure");
            throw e;
        }
        assertTrue("accessibility violations:\n" + ConsoleBrowser.report(violations), violations.isEmpty());
    }

    @Test
    public void pagesSpeakSpanish() throws IOException {
        try (ConsoleBrowser spanish = ConsoleBrowser.start("es-ES", ARTIFACTS.resolve("es"))) {
            spanish.driver().get(base() + "/console/");
            spanish.awaitPage("signIn");
            adminPassword = spanish.signIn(CaseworkOptions.ADMIN_USER, adminPassword);
            spanish.driver().get(base() + "/console/#/m/complaints/intake");
            spanish.awaitPage("complaintIntake");
            assertEquals("es", spanish.driver().findElement(By.tagName("html")).getAttribute("lang"));
            assertEquals("Registrar una queja", spanish.heading());
            assertEquals("Recibida por", spanish.driver().findElement(By.cssSelector("label[for='intake-channel']"))
                    .getText().replace("*", "").trim());
            assertEquals("Teléfono", spanish.driver().findElement(By.cssSelector("#intake-channel option:checked")).getText());
            spanish.driver().get(base() + "/console/#/m/complaints/queues/emergency");
            spanish.awaitPage("complaintQueues");
            assertEquals("Colas de quejas", spanish.heading());
            assertTrue(spanish.driver().findElement(By.id("queue-tab-emergency")).getText().startsWith("Emergencias"));
        }
    }

    private static String letters(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return b.toString();
    }

    /** Presses Tab until the element with the id has the focus; fails if it is not reached in order. */
    private static WebElement tabTo(String id) {
        for (int i = 0; i < 25; i++) {
            WebElement active = driver.switchTo().activeElement();
            if (id.equals(active.getAttribute("id"))) {
                return active;
            }
            // to the focused element as a keyboard would: sendKeys on a file input would choose a file
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab does not reach " + id + "; focus is on "
                + driver.switchTo().activeElement().getAttribute("id"));
    }

    /** Waits for the intake form's error summary and for the focus to be on it. */
    private static WebElement awaitErrorSummary() {
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".cw-error-summary")));
        wait.until(d -> summary.equals(d.switchTo().activeElement()));
        return summary;
    }

    private static WebElement queueRow(String number) {
        return wait.until(d -> d.findElements(By.cssSelector("#queue-table tbody tr")).stream()
                .filter(r -> r.getText().contains(number)).findFirst().orElse(null));
    }

    private static CaseworkHttp admin() {
        return http().as(CaseworkOptions.ADMIN_USER, adminPassword);
    }

    private static CaseworkHttp http() {
        return CaseworkHttp.localhost(httpPort);
    }

    private static String base() {
        return "http://localhost:" + httpPort;
    }
}
