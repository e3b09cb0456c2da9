package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExamServer;

/**
 * A staff member uses the web console in a real browser against the booted distribution with the
 * example case type "congress": signs in, finds the navigation, is told what is missing from an
 * empty form, opens a case, finds it in the list and opens it again. axe-core checks each page
 * for WCAG 2.1 AA (and best-practice) violations.
 *
 * <p>Selenium drives Chromium from this JVM, so the container runs in Pax Exam's server mode
 * ({@link PaxExamServer}) rather than with a probe. The test skips itself when no chromedriver is
 * installed, except under {@code CI=true}, where a missing browser is a failure.
 */
public class ConsoleBrowserIT {

    private static final Duration PAGE_TIMEOUT = ConsoleBrowser.PAGE_TIMEOUT;
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(180);
    private static final Path ARTIFACTS = Path.of("target", "console-browser");

    /** What {@link CaseworkOptions} chose for this container, read back from its options. */
    private static volatile int httpPort;
    private static volatile String adminPassword;

    @ClassRule
    public static final TestRule CONTAINER = RuleChain.outerRule(ConsoleBrowser.present())
            .around(new PaxExamServer(ConsoleBrowserIT.class));

    private static ConsoleBrowser browser;
    private static WebDriver driver;
    private static WebDriverWait wait;

    /** The distribution with the example module installed at boot. */
    @Configuration
    public Option[] config() {
        Option[] options = {
            CaseworkOptions.distribution(),
            editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot", ",casework-congress"),
        };
        httpPort = Integer.parseInt(CaseworkOptions.systemPropertyOf(options, CaseworkOptions.HTTP_PORT));
        adminPassword = CaseworkOptions.systemPropertyOf(options, CaseworkOptions.ADMIN_PASSWORD);
        return options;
    }

    @BeforeClass
    public static void awaitPlatformAndStartBrowser() throws IOException {
        CaseworkHttp http = http();
        Wait.until("GET /api/v1/health lists the congress module", BOOT_TIMEOUT, () -> {
            HttpResult health = http.get("/api/v1/health");
            return health.status() == 200 && health.body().contains("\"congress\"");
        });
        ConsoleBrowser.awaitConsole(http, BOOT_TIMEOUT);

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
    public void rootRedirectsToTheConsoleWhichCarriesSecurityHeaders() {
        HttpResult root = http().get("/");
        assertEquals(302, root.status());
        assertTrue(root.header("Location").orElse("").endsWith("/console/"));

        HttpResult page = http().get("/console/");
        assertEquals(200, page.status());
        String csp = page.header("Content-Security-Policy").orElse("");
        assertTrue(csp, csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
        assertEquals("nosniff", page.header("X-Content-Type-Options").orElse(""));
        assertEquals("no-referrer", page.header("Referrer-Policy").orElse(""));
        assertEquals("DENY", page.header("X-Frame-Options").orElse(""));

        HttpResult script = http().get("/console/js/app.js");
        assertEquals(200, script.status());
        assertTrue(script.header("Content-Type").orElse(""), script.header("Content-Type").orElse("").contains("javascript"));
        assertEquals("nosniff", script.header("X-Content-Type-Options").orElse(""));
    }

    @Test
    public void staffMemberOpensAndFindsACongressionalInquiry() throws IOException {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        String subject = "Visa delay for a constituent " + UUID.randomUUID().toString().substring(0, 8);
        try {
            // Sign in.
            driver.get(base() + "/");
            awaitPage("signIn");
            assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));
            check("sign-in", violations);
            adminPassword = browser.signIn(CaseworkOptions.ADMIN_USER, adminPassword);

            // Home with the navigation built from modules and case types.
            awaitPage("home");
            WebElement navEntry = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#site-nav a[data-nav='cases-congress']")));
            assertEquals("Congressional inquiries", navEntry.getText());
            check("home", violations);

            // The list of the example type.
            navEntry.click();
            awaitPage("caseList");
            assertEquals("Congressional inquiries", heading());
            check("list", violations);

            // An empty form is refused, with a message next to each required field.
            driver.findElement(By.id("new-case")).click();
            awaitPage("caseCreate");
            check("create form", violations);
            driver.findElement(By.id("case-form-submit")).click();
            WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".cw-error-summary")));
            assertEquals("focus moves to the error summary", summary, driver.switchTo().activeElement());
            for (String field : List.of("subject", "member", "chamber", "receivedOn")) {
                WebElement group = driver.findElement(By.cssSelector("[data-field='" + field + "']"));
                WebElement message = group.findElement(By.cssSelector(".cw-error-message"));
                assertTrue("message for " + field, message.isDisplayed() && !message.getText().isBlank());
                WebElement input = driver.findElement(By.id("field-" + field));
                assertEquals("true", input.getAttribute("aria-invalid"));
                assertTrue(field + " is described by its message",
                        input.getAttribute("aria-describedby").contains(message.getAttribute("id")));
            }
            check("create form with errors", violations);

            // A complete form opens the case.
            type("field-subject", subject);
            type("field-member", "Rep. Jane Example");
            new Select(driver.findElement(By.id("field-chamber"))).selectByValue("HOUSE");
            setValue("field-receivedOn", LocalDate.now().minusDays(2).toString());
            type("field-constituent-fullName", "Maria Lopez");
            type("field-aNumber", "A123-456-789");
            driver.findElement(By.id("case-form-submit")).click();
            awaitPage("caseDetail");
            String number = heading();
            assertTrue("a case number: " + number, number.startsWith("CI-"));
            assertTrue(driver.findElement(By.id("flash-message")).getText().contains(number));

            // It shows in the list, and opens from there.
            driver.findElement(By.cssSelector("#site-nav a[data-nav='cases-congress']")).click();
            awaitPage("caseList");
            WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                    "//table[@id='case-table']/tbody/tr[td[normalize-space(.)='" + subject + "']]")));
            WebElement link = row.findElement(By.cssSelector("a.cw-case-link"));
            assertEquals(number, link.getText());
            check("list with the case", violations);
            link.click();
            awaitPage("caseDetail");
            assertEquals(number, heading());
            assertEquals(subject, driver.findElement(By.id("case-title")).getText());
            assertTrue(driver.findElement(By.id("case-details")).getText().contains("A123-456-789"));
            check("detail", violations);
        } catch (RuntimeException | AssertionError e) {
            keepEvidence("failure");
            throw e;
        }
        assertTrue("accessibility violations:\n" + report(violations), violations.isEmpty());
    }

    @Test
    public void signInPageSpeaksSpanishToASpanishBrowser() throws IOException {
        try (ConsoleBrowser spanishBrowser = ConsoleBrowser.start("es-ES", ARTIFACTS)) {
            WebDriver spanish = spanishBrowser.driver();
            spanish.get(base() + "/console/");
            new WebDriverWait(spanish, PAGE_TIMEOUT).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("main[data-page='signIn'][aria-busy='false']")));
            assertEquals("es", spanish.findElement(By.tagName("html")).getAttribute("lang"));
            assertEquals("Iniciar sesión", spanish.findElement(By.cssSelector("main h1")).getText());
            assertEquals("Nombre de usuario", spanish.findElement(By.cssSelector("label[for='sign-in-username']"))
                    .getText().replace("*", "").trim());
        }
    }

    private static void check(String page, Map<String, List<String>> violations) {
        browser.check(page, violations);
    }

    private static String report(Map<String, List<String>> violations) {
        return ConsoleBrowser.report(violations);
    }

    private static void awaitPage(String page) {
        browser.awaitPage(page);
    }

    private static String heading() {
        return browser.heading();
    }

    private static void type(String id, String text) {
        browser.type(id, text);
    }

    private static void setValue(String id, String value) {
        browser.setValue(id, value);
    }

    private static void keepEvidence(String name) {
        browser.keepEvidence(name);
    }

    private static CaseworkHttp http() {
        return CaseworkHttp.localhost(httpPort);
    }

    private static String base() {
        return "http://localhost:" + httpPort;
    }
}
