package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExamServer;

/**
 * The administration pages of the web console in a real browser against the booted distribution:
 * an administrator creates an account on the Users page, edits it (and is told when someone else
 * changed it first) and resets its password; the new auditor signs in with the temporary password,
 * finds the creation in the audit trail, opens the account's record history and verifies the
 * chain; the helpdesk resets a password without seeing any account. axe-core checks every page
 * for WCAG 2.1 AA (and best-practice) violations.
 *
 * <p>Like {@link ConsoleBrowserIT}, the container runs in Pax Exam's server mode and the class
 * skips itself without chromedriver, except under {@code CI=true}.
 */
public class AdminConsoleBrowserIT {

    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(180);
    private static final Path ARTIFACTS = Path.of("target", "admin-console-browser");

    private static volatile int httpPort;
    private static volatile String adminPassword;

    @ClassRule
    public static final TestRule CONTAINER = RuleChain.outerRule(ConsoleBrowser.present())
            .around(new PaxExamServer(AdminConsoleBrowserIT.class));

    private static ConsoleBrowser browser;
    private static WebDriver driver;
    private static WebDriverWait wait;

    /** The plain distribution; the administration pages need no module. */
    @Configuration
    public Option[] config() {
        Option[] options = {CaseworkOptions.distribution()};
        httpPort = Integer.parseInt(CaseworkOptions.systemPropertyOf(options, CaseworkOptions.HTTP_PORT));
        adminPassword = CaseworkOptions.systemPropertyOf(options, CaseworkOptions.ADMIN_PASSWORD);
        return options;
    }

    @BeforeClass
    public static void awaitPlatformAndStartBrowser() throws IOException {
        CaseworkHttp http = http();
        Wait.until("GET /api/v1/health answers", BOOT_TIMEOUT, () -> http.get("/api/v1/health").status() == 200);
        Wait.until("GET /api/v1/audit is served", BOOT_TIMEOUT, () -> http.get("/api/v1/audit").status() == 401);
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
        }
    }

    @Test
    public void adminCreatesAnAuditorWhoFindsTheCreationInTheAuditTrail() {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        String auditor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
        String initialPassword = "Initial-" + UUID.randomUUID();
        try {
            driver.get(base() + "/");
            browser.awaitPage("signIn");
            adminPassword = browser.signIn(CaseworkOptions.ADMIN_USER, adminPassword);
            browser.awaitPage("home");
            for (String entry : List.of("users", "roles", "audit", "alerts", "account")) {
                assertFalse("navigation entry " + entry,
                        driver.findElements(By.cssSelector("#site-nav a[data-nav='" + entry + "']")).isEmpty());
            }

            // The list of accounts, searchable and sortable.
            browser.navigateTo("users");
            browser.awaitPage("users");
            assertEquals("Users", browser.heading());
            assertFalse(driver.findElements(By.cssSelector("#user-table tr[data-username='admin']")).isEmpty());
            browser.check("users", violations);

            // An empty form is refused with the message next to the field.
            driver.findElement(By.id("new-user")).click();
            browser.awaitPage("userCreate");
            browser.check("new user", violations);
            driver.findElement(By.id("user-form-submit")).click();
            WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".cw-error-summary")));
            assertEquals("focus moves to the error summary", summary, driver.switchTo().activeElement());
            WebElement username = driver.findElement(By.id("user-username"));
            assertEquals("true", username.getAttribute("aria-invalid"));
            WebElement message = username.findElement(By.xpath("ancestor::div[contains(@class,'cw-form-group')]"))
                    .findElement(By.cssSelector(".cw-error-message"));
            assertTrue(username.getAttribute("aria-describedby").contains(message.getAttribute("id")));
            browser.check("new user with errors", violations);

            // A complete form creates the account.
            browser.type("user-username", auditor);
            browser.type("user-fullName", "Audra Auditor");
            browser.type("user-email", auditor + "@example.org");
            chooseRole("auditor");
            browser.type("user-password", initialPassword);
            driver.findElement(By.id("user-form-submit")).click();
            browser.awaitPage("userDetail");
            assertTrue(driver.findElement(By.id("flash-message")).getText().contains(auditor));
            browser.check("user detail", violations);

            // Someone else saves the account first: the edit is refused and the page says so.
            HttpResult changed = http().as(CaseworkOptions.ADMIN_USER, adminPassword)
                    .patch("/api/v1/users/" + auditor, Map.of("version", currentVersion(), "fullName", "Audra Q. Auditor"));
            assertEquals(changed.body(), 200, changed.status());
            browser.type("user-fullName", "Audra B. Auditor");
            driver.findElement(By.id("user-form-submit")).click();
            WebElement conflict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conflict-alert")));
            assertTrue(conflict.getText(), conflict.getText().contains("Someone else changed this account"));
            driver.findElement(By.id("conflict-reload")).click();
            // The page is drawn anew: elements found before the reload go stale.
            new WebDriverWait(driver, ConsoleBrowser.PAGE_TIMEOUT).ignoring(StaleElementReferenceException.class).until(
                    d -> "Audra Q. Auditor".equals(d.findElement(By.id("user-fullName")).getAttribute("value")));

            // A reset shows the temporary password once.
            driver.findElement(By.id("reset-submit")).click();
            String temporary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("temporary-password"))).getText();
            assertFalse(temporary.isBlank());
            browser.check("password reset", violations);

            browser.navigateTo("roles");
            browser.awaitPage("roles");
            browser.check("roles", violations);
            browser.navigateTo("alerts");
            browser.awaitPage("alerts");
            browser.check("alerts", violations);
            browser.navigateTo("account");
            browser.awaitPage("account");
            // The tag is styled in capitals; the text is "This session".
            assertTrue(driver.findElement(By.id("session-table")).getText().toLowerCase().contains("this session"));
            browser.check("my account (admin)", violations);
            browser.signOut();

            // The auditor signs in with the temporary password and must choose a new one.
            browser.signIn(auditor, temporary);
            browser.awaitPage("home");
            assertTrue("no Users entry for an auditor",
                    driver.findElements(By.cssSelector("#site-nav a[data-nav='users']")).isEmpty());
            browser.navigateTo("audit");
            browser.awaitPage("audit");
            browser.check("audit", violations);
            browser.type("audit-recordType", "user");
            browser.type("audit-recordId", auditor);
            driver.findElement(By.id("audit-search-submit")).click();
            WebElement created = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                    "//table[@id='audit-table']/tbody/tr[td[normalize-space(.)='permission-change']]"
                            + "[td[contains(., 'account created')]]")));
            assertTrue(created.getText(), created.getText().contains(CaseworkOptions.ADMIN_USER));
            String export = driver.findElement(By.id("audit-export")).getAttribute("href");
            assertTrue(export, export.contains("/api/v1/audit/export.csv") && export.contains("recordId=" + auditor));
            browser.check("audit results", violations);

            driver.findElement(By.id("verify-chain")).click();
            WebElement verified = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#verify-result .cw-alert")));
            assertTrue(verified.getText(), verified.getText().contains("intact"));

            // The account's history, oldest first: created, then the reset (and sign-ins).
            created.findElement(By.cssSelector("a")).click();
            browser.awaitPage("auditHistory");
            List<WebElement> entries = driver.findElements(By.cssSelector("#record-history > li"));
            assertTrue("at least the creation and the reset: " + entries.size(), entries.size() >= 2);
            assertTrue(entries.get(0).getText(), entries.get(0).getText().contains("account created"));
            browser.check("record history", violations);

            browser.navigateTo("account");
            browser.awaitPage("account");
            browser.check("my account (auditor)", violations);
            browser.signOut();

            // The helpdesk may create accounts and reset passwords, but sees no accounts.
            String helpdesk = "helpdesk-" + UUID.randomUUID().toString().substring(0, 8);
            String helpdeskPassword = "Helpdesk-" + UUID.randomUUID();
            HttpResult made = http().as(CaseworkOptions.ADMIN_USER, adminPassword).post("/api/v1/users", Map.of(
                    "username", helpdesk, "fullName", "Hal Helpdesk", "roles", List.of("helpdesk"),
                    "password", helpdeskPassword));
            assertEquals(made.body(), 201, made.status());
            browser.signIn(helpdesk, helpdeskPassword);
            browser.awaitPage("home");
            assertTrue("no Roles entry for the helpdesk",
                    driver.findElements(By.cssSelector("#site-nav a[data-nav='roles']")).isEmpty());
            browser.navigateTo("users");
            browser.awaitPage("users");
            assertTrue("the helpdesk sees no list", driver.findElements(By.id("user-table")).isEmpty());
            assertFalse(driver.findElements(By.id("new-user")).isEmpty());
            browser.type("reset-username", auditor);
            driver.findElement(By.id("reset-submit")).click();
            assertFalse(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("temporary-password")))
                    .getText().isBlank());
            browser.check("users (helpdesk)", violations);
        } catch (RuntimeException | AssertionError e) {
            browser.keepEvidence("failure");
            throw e;
        }
        assertTrue("accessibility violations:\n" + ConsoleBrowser.report(violations), violations.isEmpty());
    }

    /** Ticks the role's box, or types it when the console offers a text field (no roles endpoint). */
    private static void chooseRole(String role) {
        WebElement roles = driver.findElement(By.id("user-roles"));
        if ("input".equals(roles.getTagName())) {
            browser.type("user-roles", role);
        } else {
            roles.findElement(By.cssSelector("input[value='" + role + "']")).click();
        }
    }

    /** The version of the account the detail page shows, read as the page did. */
    private static long currentVersion() {
        String url = driver.getCurrentUrl();
        String name = url.substring(url.lastIndexOf('/') + 1);
        HttpResult account = http().as(CaseworkOptions.ADMIN_USER, adminPassword).get("/api/v1/users/" + name);
        assertEquals(account.body(), 200, account.status());
        return account.json().get("version").asLong();
    }

    private static CaseworkHttp http() {
        return CaseworkHttp.localhost(httpPort);
    }

    private static String base() {
        return "http://localhost:" + httpPort;
    }
}
