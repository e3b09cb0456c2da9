package org.casework.itests.support;

import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.Assume;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * Headless Chromium driving the web console for the browser tests: starting the browser, waiting
 * for a console page, filling inputs, signing in, and running axe-core (WCAG 2.1 AA and best
 * practices) on the page as it is. A failed check keeps a screenshot and the page's HTML.
 */
public final class ConsoleBrowser implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleBrowser.class);

    /** Where chromedriver is; {@code -Dcasework.it.chromedriver} overrides it. */
    public static final String CHROMEDRIVER = System.getProperty("casework.it.chromedriver", "/usr/bin/chromedriver");
    /** Where Chromium is; {@code -Dcasework.it.chromium} overrides it. */
    public static final String CHROMIUM = System.getProperty("casework.it.chromium", "/usr/bin/chromium");
    /** How long a page may take to show. */
    public static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final Path artifacts;

    private ConsoleBrowser(WebDriver driver, Path artifacts) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, PAGE_TIMEOUT);
        this.artifacts = artifacts;
    }

    /**
     * Starts a headless browser whose preferred language is {@code language} (e.g. {@code en-US}),
     * with a profile of its own; failed checks leave their evidence under {@code artifacts}.
     */
    public static ConsoleBrowser start(String language, Path artifacts) throws IOException {
        Files.createDirectories(artifacts);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1024", "--lang=" + language,
                "--user-data-dir=" + Files.createTempDirectory("casework-chromium-" + language));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        return new ConsoleBrowser(new ChromeDriver(service, options), artifacts);
    }

    /**
     * A class rule that skips the class before the container boots when there is no browser,
     * except under {@code CI=true}, where a missing browser is a failure.
     */
    public static TestRule present() {
        return (base, description) -> new Statement() {
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

    /** Waits until the console's REST resource and its static files are served. */
    public static void awaitConsole(CaseworkHttp http, Duration timeout) {
        // The console's REST resource registers on its own schedule: 401 means it is there.
        Wait.until("GET /api/v1/console/modules is served", timeout,
                () -> http.get("/api/v1/console/modules").status() == 401);
        Wait.until("GET /console/ is served", timeout, () -> http.get("/console/").status() == 200);
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait waiter() {
        return wait;
    }

    /** Waits until the console shows the page and has finished loading it. */
    public void awaitPage(String page) {
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("main[data-page='" + page + "'][aria-busy='false']")));
        } catch (RuntimeException e) {
            String shown = driver.findElement(By.id("main-content")).getAttribute("data-page");
            throw new AssertionError("Expected the " + page + " page, the console shows " + shown + ": "
                    + driver.findElement(By.id("main-content")).getText(), e);
        }
    }

    /** The text of the page's h1. */
    public String heading() {
        return driver.findElement(By.cssSelector("main h1")).getText();
    }

    /** Clears the input and types the text into it. */
    public void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Sets an input's value directly: typing into date inputs depends on the browser's locale. */
    public void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
                driver.findElement(By.id(id)), value);
    }

    /** Clicks the navigation entry with the given data-nav key. */
    public void navigateTo(String navKey) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#site-nav a[data-nav='" + navKey + "']")))
                .click();
    }

    /**
     * Signs in on the sign-in page the browser shows; if the account must choose a new password
     * first, chooses one and goes on. Returns the password that is valid afterwards.
     */
    public String signIn(String username, String password) {
        type("sign-in-username", username);
        type("sign-in-password", password);
        driver.findElement(By.id("sign-in-submit")).click();
        wait.until(d -> !d.findElements(By.cssSelector(
                "main[data-page='home'][aria-busy='false'], main[data-page='changePassword'][aria-busy='false']")).isEmpty());
        if (driver.findElements(By.cssSelector("main[data-page='changePassword']")).isEmpty()) {
            return password;
        }
        String newPassword = "It-Console-" + UUID.randomUUID();
        type("current-password", password);
        type("new-password", newPassword);
        type("confirm-password", newPassword);
        driver.findElement(By.id("change-password-submit")).click();
        wait.until(d -> !d.findElements(By.cssSelector(
                "main[data-page='home'][aria-busy='false'], main[data-page='signIn'][aria-busy='false']")).isEmpty());
        if (!driver.findElements(By.cssSelector("main[data-page='signIn']")).isEmpty()) {
            return signIn(username, newPassword);
        }
        return newPassword;
    }

    /** Signs out with the header's button and waits for the sign-in page. */
    public void signOut() {
        driver.findElement(By.id("sign-out")).click();
        awaitPage("signIn");
    }

    /** Runs axe-core on the page as it is and records its violations under {@code page}. */
    public void check(String page, Map<String, List<String>> violations) {
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

    /** The violations as text for an assertion message. */
    public static String report(Map<String, List<String>> violations) {
        StringBuilder text = new StringBuilder();
        violations.forEach((page, list) -> {
            text.append(page).append(":\n");
            list.forEach(v -> text.append("  - ").append(v).append('\n'));
        });
        return text.toString();
    }

    /** Saves a screenshot and the page's HTML under the artifacts directory. */
    public void keepEvidence(String name) {
        try {
            Files.write(artifacts.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(artifacts.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
            LOG.info("Saved {} evidence under {}", name, artifacts.toAbsolutePath());
        } catch (RuntimeException | IOException e) {
            LOG.warn("Could not save evidence of {}", name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
