package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExamServer;

/**
 * The console's Facilities page in a real browser: an administrator opens it from the navigation,
 * searches the imported example list, opens a facility, renames it, adds a point of contact, is
 * told what is wrong with a bad contact and an empty new facility, all by keyboard-reachable
 * controls. axe-core checks each state of the page. Server mode, like {@link ConsoleBrowserIT}.
 */
public class FacilitiesConsoleBrowserIT {

    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(180);
    private static final Path ARTIFACTS = Path.of("target", "facilities-browser");

    private static volatile int httpPort;
    private static volatile String adminPassword;

    @ClassRule
    public static final TestRule CONTAINER = RuleChain.outerRule(ConsoleBrowser.present())
            .around(new PaxExamServer(FacilitiesConsoleBrowserIT.class));

    private static ConsoleBrowser browser;
    private static WebDriver driver;
    private static WebDriverWait wait;

    @Configuration
    public Option[] config() {
        Option[] options = {
            CaseworkOptions.distribution(),
            editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot", ",casework-facilities"),
        };
        httpPort = Integer.parseInt(CaseworkOptions.systemPropertyOf(options, CaseworkOptions.HTTP_PORT));
        adminPassword = CaseworkOptions.systemPropertyOf(options, CaseworkOptions.ADMIN_PASSWORD);
        return options;
    }

    private static CaseworkHttp http() {
        return CaseworkHttp.localhost(httpPort);
    }

    private static String base() {
        return "http://localhost:" + httpPort;
    }

    @BeforeClass
    public static void awaitPlatformImportAndStartBrowser() throws IOException {
        CaseworkHttp admin = http().as(CaseworkOptions.ADMIN_USER, adminPassword);
        Wait.until("the facilities API answers", BOOT_TIMEOUT, () -> admin.get("/api/v1/facilities").status() == 200);
        ConsoleBrowser.awaitConsole(http(), BOOT_TIMEOUT);
        Wait.until("the facilities page is served", BOOT_TIMEOUT,
                () -> http().get("/console/facilities/index.html").status() == 200);
        byte[] csv = Files.readAllBytes(Path.of("..", "docs", "examples", "facilities.csv"));
        HttpResult imported = admin.post("/api/v1/facilities/import", csv, "text/csv");
        assertEquals(imported.toString(), 200, imported.status());

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

    private static WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private static void awaitReady() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main[aria-busy='false']")));
    }

    /** The codes in the table; empty while the page is replacing it. */
    private static List<String> codesShown() {
        try {
            return driver.findElements(By.cssSelector("#fac-table tbody th")).stream().map(WebElement::getText).toList();
        } catch (StaleElementReferenceException e) {
            return List.of();
        }
    }

    @Test
    public void anAdministratorFindsEditsAndAddsContactsOnTheFacilitiesPage() {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        HttpResult page = http().get("/console/facilities/index.html");
        assertTrue(page.header("Content-Security-Policy").orElse("").contains("script-src 'self'"));

        driver.get(base() + "/console/");
        browser.awaitPage("signIn");
        adminPassword = browser.signIn(CaseworkOptions.ADMIN_USER, adminPassword);
        browser.awaitPage("home");
        WebElement entry = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#site-nav a[data-nav='module-facilities']")));
        assertEquals("Facilities", entry.getText());
        entry.click();

        // the list, sorted by name, and the search
        visible("#fac-table");
        awaitReady();
        assertEquals("Facilities", driver.findElement(By.cssSelector("main h1")).getText());
        assertEquals("DSTS", codesShown().get(0));
        browser.check("facilities list", violations);
        browser.type("fac-q", "tucson");
        driver.findElement(By.id("fac-search")).click();
        wait.until(d -> codesShown().equals(List.of("DSTS")));
        new Select(driver.findElement(By.id("fac-active"))).selectByValue("false");
        browser.type("fac-q", "");
        driver.findElement(By.id("fac-search")).click();
        wait.until(d -> codesShown().equals(List.of("OLDMILL")));
        driver.findElement(By.id("fac-sort-code")).click();
        // the page re-renders the table: look the heading up afresh on each try
        wait.ignoring(StaleElementReferenceException.class).until(d -> "ascending".equals(
                d.findElement(By.xpath("//button[@id='fac-sort-code']/..")).getAttribute("aria-sort")));

        // open a facility and rename it
        driver.get(base() + "/console/facilities/index.html#/f/DSTS");
        wait.until(ExpectedConditions.textToBe(By.id("fac-heading"), "Facility DSTS"));
        awaitReady();
        browser.check("facility", violations);
        browser.type("fac-name", "Desert Springs Border Station (Main)");
        driver.findElement(By.id("fac-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .cw-alert--success"), "Saved."));
        assertEquals("Desert Springs Border Station (Main)", driver.findElement(By.id("fac-name")).getAttribute("value"));

        // a contact with a bad address is refused next to its field, a good one is added
        new Select(driver.findElement(By.id("contact-agency"))).selectByValue("ICE");
        browser.type("contact-name", "Morgan Reyes");
        browser.type("contact-email", "morgan.reyes-at-ice");
        driver.findElement(By.id("contact-submit")).click();
        visible(".cw-error-summary");
        assertEquals("true", driver.findElement(By.id("contact-email")).getAttribute("aria-invalid"));
        browser.check("contact with an error", violations);
        browser.type("contact-email", "morgan.reyes@ice.example.org");
        driver.findElement(By.id("contact-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contacts-table"), "Morgan Reyes"));

        // an empty new facility names both required fields
        driver.get(base() + "/console/facilities/index.html#/new");
        wait.until(ExpectedConditions.textToBe(By.id("fac-heading"), "New facility"));
        driver.findElement(By.id("fac-save")).click();
        visible(".cw-error-summary");
        assertEquals("true", driver.findElement(By.id("fac-code")).getAttribute("aria-invalid"));
        assertEquals("true", driver.findElement(By.id("fac-name")).getAttribute("aria-invalid"));
        browser.check("new facility with errors", violations);

        assertTrue(ConsoleBrowser.report(violations), violations.isEmpty());
        HttpResult stored = http().as(CaseworkOptions.ADMIN_USER, adminPassword).get("/api/v1/facilities/DSTS/contacts");
        assertTrue(stored.body(), stored.body().contains("morgan.reyes@ice.example.org"));
    }
}
