package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.casework.itests.support.CaseworkHttp;
import org.casework.itests.support.CaseworkOptions;
import org.casework.itests.support.HttpResult;
import org.casework.itests.support.Wait;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TestRule;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExamServer;
import org.ops4j.pax.exam.options.SystemPropertyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

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

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleBrowserIT.class);

    private static final String CHROMEDRIVER = System.getProperty("casework.it.chromedriver", "/usr/bin/chromedriver");
    private static final String CHROMIUM = System.getProperty("casework.it.chromium", "/usr/bin/chromium");
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(180);
    private static final Path ARTIFACTS = Path.of("target", "console-browser");

    /** What {@link CaseworkOptions} chose for this container, read back from its options. */
    private static volatile int httpPort;
    private static volatile String adminPassword;

    @ClassRule
    public static final TestRule CONTAINER = RuleChain.outerRule(new BrowserPresent())
            .around(new PaxExamServer(ConsoleBrowserIT.class));

    private static WebDriver driver;
    private static WebDriverWait wait;
    private static Path userDataDir;

    /** The distribution with the example module installed at boot. */
    @Configuration
    public Option[] config() {
        Option[] options = {
            CaseworkOptions.distribution(),
            editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot", ",casework-congress"),
        };
        for (SystemPropertyOption property : OptionUtils.filter(SystemPropertyOption.class, OptionUtils.expand(options))) {
            if (CaseworkOptions.HTTP_PORT.equals(property.getKey())) {
                httpPort = Integer.parseInt(property.getValue());
            } else if (CaseworkOptions.ADMIN_PASSWORD.equals(property.getKey())) {
                adminPassword = property.getValue();
            }
        }
        return options;
    }

    @BeforeClass
    public static void awaitPlatformAndStartBrowser() throws IOException {
        CaseworkHttp http = http();
        Wait.until("GET /api/v1/health lists the congress module", BOOT_TIMEOUT, () -> {
            HttpResult health = http.get("/api/v1/health");
            return health.status() == 200 && health.body().contains("\"congress\"");
        });
        // The console's REST resource registers on its own schedule: 401 means it is there.
        Wait.until("GET /api/v1/console/modules is served", BOOT_TIMEOUT,
                () -> http.get("/api/v1/console/modules").status() == 401);
        Wait.until("GET /console/ is served", BOOT_TIMEOUT, () -> http.get("/console/").status() == 200);

        Files.createDirectories(ARTIFACTS);
        userDataDir = Files.createTempDirectory("casework-chromium");
        driver = startBrowser("en-US");
        wait = new WebDriverWait(driver, PAGE_TIMEOUT);
    }

    @AfterClass
    public static void stopBrowser() {
        if (driver != null) {
            driver.quit();
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
            signIn(CaseworkOptions.ADMIN_USER, adminPassword);

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
        WebDriver spanish = startBrowser("es-ES");
        try {
            spanish.get(base() + "/console/");
            new WebDriverWait(spanish, PAGE_TIMEOUT).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("main[data-page='signIn'][aria-busy='false']")));
            assertEquals("es", spanish.findElement(By.tagName("html")).getAttribute("lang"));
            assertEquals("Iniciar sesión", spanish.findElement(By.cssSelector("main h1")).getText());
            assertEquals("Nombre de usuario", spanish.findElement(By.cssSelector("label[for='sign-in-username']"))
                    .getText().replace("*", "").trim());
        } finally {
            spanish.quit();
        }
    }

    /** Signs in; if the account must choose a new password first, chooses one and goes on. */
    private static void signIn(String username, String password) {
        type("sign-in-username", username);
        type("sign-in-password", password);
        driver.findElement(By.id("sign-in-submit")).click();
        wait.until(d -> !d.findElements(By.cssSelector(
                "main[data-page='home'][aria-busy='false'], main[data-page='changePassword'][aria-busy='false']")).isEmpty());
        if (driver.findElements(By.cssSelector("main[data-page='changePassword']")).isEmpty()) {
            return;
        }
        String newPassword = "It-Console-" + UUID.randomUUID();
        type("current-password", password);
        type("new-password", newPassword);
        type("confirm-password", newPassword);
        driver.findElement(By.id("change-password-submit")).click();
        wait.until(d -> !d.findElements(By.cssSelector(
                "main[data-page='home'][aria-busy='false'], main[data-page='signIn'][aria-busy='false']")).isEmpty());
        adminPassword = newPassword;
        if (!driver.findElements(By.cssSelector("main[data-page='signIn']")).isEmpty()) {
            signIn(username, newPassword);
        }
    }

    /** Runs axe-core on the page as it is and records its violations under {@code page}. */
    private static void check(String page, Map<String, List<String>> violations) throws IOException {
        Results results = new AxeBuilder().analyze(driver);
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            StringBuilder line = new StringBuilder(rule.getId()).append(" (").append(rule.getImpact()).append("): ")
                    .append(rule.getHelp()).append(" ").append(rule.getHelpUrl());
            for (CheckedNode node : rule.getNodes()) {
                line.append("\n      at ").append(node.getTarget()).append(": ").append(node.getFailureSummary());
            }
            found.add(line.toString());
        }
        LOG.info("axe on {}: {} violations, {} rules passed", page, found.size(), results.getPasses().size());
        if (!found.isEmpty()) {
            violations.put(page, found);
            keepEvidence(page.replace(' ', '-'));
        }
    }

    private static String report(Map<String, List<String>> violations) {
        StringBuilder text = new StringBuilder();
        violations.forEach((page, list) -> {
            text.append(page).append(":\n");
            list.forEach(v -> text.append("  - ").append(v).append('\n'));
        });
        return text.toString();
    }

    /** Waits until the console shows the page and has finished loading it. */
    private static void awaitPage(String page) {
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("main[data-page='" + page + "'][aria-busy='false']")));
        } catch (RuntimeException e) {
            String shown = driver.findElement(By.id("main-content")).getAttribute("data-page");
            throw new AssertionError("Expected the " + page + " page, the console shows " + shown + ": "
                    + driver.findElement(By.id("main-content")).getText(), e);
        }
    }

    private static String heading() {
        return driver.findElement(By.cssSelector("main h1")).getText();
    }

    private static void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Sets an input's value directly: typing into a date input depends on the browser's locale. */
    private static void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
                driver.findElement(By.id(id)), value);
    }

    /** Saves a screenshot and the page's HTML under target/console-browser for a failed check. */
    private static void keepEvidence(String name) {
        try {
            Files.write(ARTIFACTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(ARTIFACTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
            LOG.info("Saved {} evidence under {}", name, ARTIFACTS.toAbsolutePath());
        } catch (RuntimeException | IOException e) {
            LOG.warn("Could not save evidence of {}", name, e);
        }
    }

    private static WebDriver startBrowser(String language) throws IOException {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1024", "--lang=" + language,
                "--user-data-dir=" + Files.createTempDirectory(userDataDir, language));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        return new ChromeDriver(service, options);
    }

    private static CaseworkHttp http() {
        return CaseworkHttp.localhost(httpPort);
    }

    private static String base() {
        return "http://localhost:" + httpPort;
    }

    /** Skips the class before the container boots when there is no browser, unless under CI. */
    private static final class BrowserPresent implements TestRule {
        @Override
        public Statement apply(Statement base, Description description) {
            return new Statement() {
                @Override
                public void evaluate() throws Throwable {
                    boolean ci = "true".equals(System.getenv("CI"));
                    boolean driverPresent = new File(CHROMEDRIVER).canExecute();
                    if (!ci) {
                        Assume.assumeTrue("No chromedriver at " + CHROMEDRIVER
                                + " (install the Debian packages chromium and chromium-driver)", driverPresent);
                    }
                    assertTrue("CI=true but no chromedriver at " + CHROMEDRIVER, driverPresent);
                    base.evaluate();
                }
            };
        }
    }
}
