package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casework.itests.support.CaseworkHttp;
import org.casework.itests.support.CaseworkOptions;
import org.casework.itests.support.ConsoleBrowser;
import org.casework.itests.support.RecordingPortalIntake;
import org.casework.itests.support.TestBundles;
import org.casework.itests.support.Wait;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TestRule;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExamServer;

/**
 * A member of the public files a complaint through the portal in real Chromium, in English and
 * in Spanish: reads and accepts the Privacy Act Statement, is told what is missing from an empty
 * form (error summary focused, each message tied to its field), fills it in, and gets a case
 * number. axe-core checks every state for WCAG 2.1 AA (and best-practice) violations.
 *
 * <p>The complaints module is stood in for by {@link RecordingPortalIntake}, installed as a small
 * bundle of its own. Skips itself without chromedriver, except under {@code CI=true}.
 */
public class PortalBrowserIT {

    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(180);
    private static final Path ARTIFACTS = Path.of("target", "portal-browser");

    private static volatile int httpPort;

    @ClassRule
    public static final TestRule CONTAINER = RuleChain.outerRule(ConsoleBrowser.present())
            .around(new PaxExamServer(PortalBrowserIT.class));

    /** The distribution with the portal and a stand-in intake. */
    @Configuration
    public Option[] config() {
        Option[] options = {
            CaseworkOptions.distribution(),
            editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot", ",casework-portal"),
            editConfigurationFilePut("etc/org.casework.portal.cfg", "proofOfWorkBits", "12"),
            TestBundles.activator("org.casework.itests.portal.intake", RecordingPortalIntake.class,
                    "org.casework.complaints.api;version=\"[1.0,2)\",org.casework.core.api,org.osgi.framework",
                    RecordingPortalIntake.class),
        };
        httpPort = Integer.parseInt(CaseworkOptions.systemPropertyOf(options, CaseworkOptions.HTTP_PORT));
        return options;
    }

    private static void awaitPortal() {
        CaseworkHttp http = CaseworkHttp.localhost(httpPort);
        Wait.until("the portal accepts complaints", BOOT_TIMEOUT, () -> {
            try {
                return http.get("/portal/api/status").json().path("available").asBoolean();
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    @Test
    public void aComplaintIsFiledInEnglish() throws IOException {
        awaitPortal();
        Map<String, List<String>> violations = new LinkedHashMap<>();
        try (ConsoleBrowser browser = ConsoleBrowser.start("en-US", ARTIFACTS)) {
            try {
                WebDriver driver = browser.driver();
                WebDriverWait wait = browser.waiter();
                open(driver, wait);
                assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));
                assertEquals("Privacy Act Statement", driver.findElement(By.id("privacy-heading")).getText());
                assertFalse("no field before the statement is accepted",
                        driver.findElement(By.id("complaint-form")).isDisplayed());
                browser.check("privacy statement (en)", violations);

                // Continuing without accepting is refused in words, next to the box.
                driver.findElement(By.id("privacy-continue")).click();
                WebElement mustAccept = driver.findElement(By.id("privacyAccept-error"));
                assertTrue(mustAccept.isDisplayed());
                assertEquals("focus stays on the box", driver.findElement(By.id("privacyAccept")),
                        driver.switchTo().activeElement());
                browser.check("privacy statement not accepted (en)", violations);

                acceptStatement(driver);
                browser.check("form (en)", violations);

                submitEmptyAndCheckErrors(browser, ": this information is required.", "Please agree");
                browser.check("form with errors (en)", violations);

                fill(browser, "Ana Ruiz", "ana@example.org");
                String number = submitAndReadReceipt(driver, wait);
                assertTrue(driver.findElement(By.id("receipt-heading")).getText().equals("Complaint received"));
                assertTrue(driver.findElement(By.id("receipt-message")).getText().contains("e-mail"));
                assertTrue(number.startsWith("TEST-"));
                browser.check("receipt (en)", violations);
            } catch (RuntimeException | AssertionError e) {
                browser.keepEvidence("portal-en-failure");
                throw e;
            }
        }
        assertTrue("accessibility violations:\n" + ConsoleBrowser.report(violations), violations.isEmpty());
    }

    @Test
    public void aComplaintIsFiledInSpanishAndTheLanguageCanBeSwitched() throws IOException {
        awaitPortal();
        Map<String, List<String>> violations = new LinkedHashMap<>();
        try (ConsoleBrowser browser = ConsoleBrowser.start("es-ES", ARTIFACTS)) {
            try {
                WebDriver driver = browser.driver();
                WebDriverWait wait = browser.waiter();
                open(driver, wait);
                assertEquals("es", driver.findElement(By.tagName("html")).getAttribute("lang"));
                assertEquals("Declaración de la Ley de Privacidad", driver.findElement(By.id("privacy-heading")).getText());
                browser.check("privacy statement (es)", violations);

                // The switch offers English, in English, and back.
                WebElement toggle = driver.findElement(By.id("language-switch"));
                assertEquals("English", toggle.getText());
                assertEquals("en", toggle.getAttribute("lang"));
                toggle.click();
                wait.until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
                assertEquals("Privacy Act Statement", driver.findElement(By.id("privacy-heading")).getText());
                driver.findElement(By.id("language-switch")).click();
                wait.until(d -> "es".equals(d.findElement(By.tagName("html")).getAttribute("lang")));

                acceptStatement(driver);
                assertEquals("Sobre usted", driver.findElement(By.cssSelector("#about-you > legend")).getText());
                browser.check("form (es)", violations);

                submitEmptyAndCheckErrors(browser, ": esta información es obligatoria.", "Acepte que la Oficina");
                browser.check("form with errors (es)", violations);

                // Anonymous: the fields about the submitter go away.
                driver.findElement(By.id("anonymous")).click();
                assertFalse(driver.findElement(By.id("submitterName")).isDisplayed());
                fillComplaint(browser);
                String number = submitAndReadReceipt(driver, wait);
                assertEquals("Queja recibida", driver.findElement(By.id("receipt-heading")).getText());
                assertTrue(driver.findElement(By.id("receipt-message")).getText().contains(number));
                assertTrue(driver.findElement(By.id("receipt-message")).getText().contains("no se enviará"));
                browser.check("receipt (es)", violations);
            } catch (RuntimeException | AssertionError e) {
                browser.keepEvidence("portal-es-failure");
                throw e;
            }
        }
        assertTrue("accessibility violations:\n" + ConsoleBrowser.report(violations), violations.isEmpty());
    }

    private static void open(WebDriver driver, WebDriverWait wait) {
        driver.get("http://localhost:" + httpPort + "/portal/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main[aria-busy='false']")));
        assertFalse("the portal is available", driver.findElement(By.id("unavailable")).isDisplayed());
    }

    private static void acceptStatement(WebDriver driver) {
        driver.findElement(By.id("privacyAccept")).click();
        driver.findElement(By.id("privacy-continue")).click();
        assertTrue(driver.findElement(By.id("complaint-form")).isDisplayed());
        assertFalse(driver.findElement(By.id("privacy-step")).isDisplayed());
    }

    private static void submitEmptyAndCheckErrors(ConsoleBrowser browser, String required, String consent) {
        WebDriver driver = browser.driver();
        driver.findElement(By.id("submit")).click();
        WebElement summary = browser.waiter().until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        assertEquals("focus moves to the error summary", summary, driver.switchTo().activeElement());
        for (String field : List.of("submitterName", "detaineeName", "description")) {
            WebElement message = driver.findElement(By.id(field + "-error"));
            assertTrue(field, message.isDisplayed() && message.getText().endsWith(required));
            WebElement input = driver.findElement(By.id(field));
            assertEquals("true", input.getAttribute("aria-invalid"));
            assertTrue(field + " is described by its message", input.getAttribute("aria-describedby").contains(field + "-error"));
            WebElement link = summary.findElement(By.cssSelector("a[href='#" + field + "']"));
            assertEquals(message.getText(), link.getText());
        }
        assertTrue(driver.findElement(By.id("consent-error")).getText().startsWith(consent));
        // a link in the summary takes the keyboard to its field
        summary.findElement(By.cssSelector("a[href='#detaineeName']")).click();
        assertEquals(driver.findElement(By.id("detaineeName")), driver.switchTo().activeElement());
    }

    private static void fill(ConsoleBrowser browser, String name, String email) {
        browser.type("submitterName", name);
        browser.type("submitterEmail", email);
        fillComplaint(browser);
    }

    private static void fillComplaint(ConsoleBrowser browser) {
        WebDriver driver = browser.driver();
        browser.type("detaineeName", "Luis Ruiz Gómez");
        browser.type("aNumber", "A123-456-789");
        browser.setValue("incidentDate", "2026-11-20");
        driver.findElement(By.id("categories-medical")).click();
        driver.findElement(By.id("subjectType-adult")).click();
        browser.type("description", "No insulin for three days.");
        driver.findElement(By.id("consent")).click();
    }

    private static String submitAndReadReceipt(WebDriver driver, WebDriverWait wait) {
        driver.findElement(By.id("submit")).click();
        WebElement receipt = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
        assertEquals("focus moves to the receipt", receipt, driver.switchTo().activeElement());
        assertFalse(driver.findElement(By.id("complaint-form")).isDisplayed());
        return driver.findElement(By.id("receipt-case-number")).getText();
    }
}
