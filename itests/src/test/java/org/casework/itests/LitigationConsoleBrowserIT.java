package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * Attorneys and managers use the litigation console pages in a real browser against the booted
 * distribution with {@code casework-litigation-web} and {@code casework-facilities}: an attorney's
 * calendar by date with paging, a refused date range whose error names the field, an office's
 * calendar and one kind only, the reminders list and the calendar feed address (issued once,
 * readable by a calendar application, then revoked), the litigation records section on the case
 * page; the same calendar in Spanish; a legal office
 * manager's workload of the office. The navigation lists Facilities, the calendar and the workload
 * only to users holding their permissions. axe-core checks every page.
 */
public class LitigationConsoleBrowserIT {

    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(180);
    private static final Path ARTIFACTS = Path.of("target", "litigation-console-browser");
    private static final String IMM = "/api/v1/cases/immigration-case";
    private static final String LIT = "/api/v1/litigation";
    /** Due dates on the second case: with the first case's hearing and brief, one more than a page. */
    private static final int MANY = 49;
    /** The title of the REST bundle's 404 for a path no resource serves. */
    private static final String NO_RESOURCE = "There is nothing at this address.";

    private static volatile int httpPort;
    private static volatile String adminPassword;

    @ClassRule
    public static final TestRule CONTAINER = RuleChain.outerRule(ConsoleBrowser.present())
            .around(new PaxExamServer(LitigationConsoleBrowserIT.class));

    private static ConsoleBrowser browser;
    private static WebDriver driver;
    private static WebDriverWait wait;
    private static Fixture fixture;

    /** The office, its attorney (with the current password) and the first case's id and number. */
    private static final class Fixture {
        final String office;
        final String attorney;
        String attorneyPassword;
        final long caseId;
        final String caseNumber;

        Fixture(String office, String attorney, String attorneyPassword, long caseId, String caseNumber) {
            this.office = office;
            this.attorney = attorney;
            this.attorneyPassword = attorneyPassword;
            this.caseId = caseId;
            this.caseNumber = caseNumber;
        }
    }

    /** The distribution with the litigation pages and the facilities module installed at boot. */
    @Configuration
    public Option[] config() {
        Option[] options = {
            CaseworkOptions.distribution(),
            editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot",
                    ",casework-litigation-web,casework-facilities"),
        };
        httpPort = Integer.parseInt(CaseworkOptions.systemPropertyOf(options, CaseworkOptions.HTTP_PORT));
        adminPassword = CaseworkOptions.systemPropertyOf(options, CaseworkOptions.ADMIN_PASSWORD);
        return options;
    }

    @BeforeClass
    public static void awaitPlatformAndStartBrowser() throws IOException {
        CaseworkHttp http = http();
        Wait.until("the litigation calendar answers", BOOT_TIMEOUT,
                () -> admin().get(LIT + "/calendar").status() == 200 && admin().get(IMM).status() == 200);
        // The module's REST resources register one by one: wait until the ones the fixture and the
        // case page use are served (a missing resource answers the REST bundle's generic 404).
        for (String kind : List.of("hearings", "due-dates", "people", "phase-notes", "memoranda", "actions",
                "applications", "visas", "a-file-transfers")) {
            Wait.until("the litigation " + kind + " resource is served", BOOT_TIMEOUT,
                    () -> !admin().get(LIT + "/cases/0/" + kind).body().contains(NO_RESOURCE));
        }
        Wait.until("the facilities API answers", BOOT_TIMEOUT, () -> admin().get("/api/v1/facilities").status() == 200);
        ConsoleBrowser.awaitConsole(http, BOOT_TIMEOUT);
        Wait.until("the litigation pages are served", BOOT_TIMEOUT,
                () -> http.get("/console/litigation/pages.js").status() == 200);
        browser = ConsoleBrowser.start("en-US", ARTIFACTS);
        driver = browser.driver();
        // the pages re-render on every change of address: an element read while that happens is
        // read again on the next poll
        wait = browser.waiter();
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterClass
    public static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
            driver = null;
        }
    }

    /**
     * One office with an attorney: a case with a hearing in three days, a brief due in five and a
     * motion overdue since two days; a second case with {@value #MANY} due dates a month out.
     */
    private static synchronized Fixture fixture() {
        if (fixture != null) {
            return fixture;
        }
        String office = unique("occ");
        String attorney = unique("att");
        String password = "Long-enough-" + UUID.randomUUID();
        assertStatus(admin().post("/api/v1/users", Map.of("username", attorney, "fullName", "Test " + attorney,
                "roles", List.of("attorney"), "divisions", List.of(office), "password", password)), 201);
        CaseworkHttp as = http().as(attorney, password);
        long first = immigrationCase(as, office);
        long second = immigrationCase(as, office);
        assign(first, attorney);
        assign(second, attorney);
        assertStatus(as.post(LIT + "/cases/" + first + "/hearings", Map.of("date", day(3), "time", "09:00",
                "type", "MASTER_CALENDAR", "location", "San Francisco", "judge", "Ruiz")), 201);
        assertStatus(as.post(LIT + "/cases/" + first + "/due-dates", Map.of("type", "BRIEF", "date", day(5),
                "description", "Reply brief")), 201);
        assertStatus(as.post(LIT + "/cases/" + first + "/due-dates", Map.of("type", "MOTION", "date", day(-2),
                "description", "Motion to reopen")), 201);
        for (int i = 0; i < MANY; i++) {
            assertStatus(as.post(LIT + "/cases/" + second + "/due-dates", Map.of("type", "RESPONSE",
                    "date", day(30 + i))), 201);
        }
        assertStatus(as.post(LIT + "/cases/" + first + "/people", Map.of("role", "PRIVATE_ATTORNEY",
                "fullName", "Lena Ortiz", "organisation", "Ortiz Law")), 201);
        assertStatus(as.post(LIT + "/cases/" + first + "/phase-notes", Map.of("phase", "PRE_TRIAL",
                "text", "Respondent seeks asylum.")), 201);
        String number = admin().get(IMM + "/" + first).json().path("number").asText();
        // the brief is due within the seven days' lead time: a reminder goes out now
        assertStatus(admin().post(LIT + "/reminders/run", Map.of("asOf", day(0))), 200);
        fixture = new Fixture(office, attorney, password, first, number);
        return fixture;
    }

    @Test
    public void attorneyReadsTheCalendarRemindersAndFeed() {
        Fixture f = fixture();
        Map<String, List<String>> violations = new LinkedHashMap<>();
        driver.get(base() + "/console/");
        browser.awaitPage("signIn");
        f.attorneyPassword = browser.signIn(f.attorney, f.attorneyPassword);
        browser.awaitPage("home");
        try {
            // An attorney holds no facilities:read and no workload permission: neither is listed.
            assertTrue(navEntries().contains("module-litigation"));
            assertFalse(navEntries().contains("module-facilities"));
            assertFalse(navEntries().contains("module-litigation-workload"));

            browser.navigateTo("module-litigation");
            browser.awaitPage("litigationCalendar");
            assertEquals("Calendar", browser.heading());
            assertEquals("Litigation calendar", navLink("module-litigation").getText());
            assertTrue(driver.findElements(By.id("litigation-tab-workload")).isEmpty());
            assertEquals("My hearings and due dates", text("calendar-results-heading"));
            assertEquals("Showing 1 to 50 of 51", text("results-summary"));
            // by date: the hearing's day first, with its time, type, place and judge
            WebElement firstDay = driver.findElement(By.cssSelector("#calendar-results section[data-date]"));
            assertEquals(day(3), firstDay.getAttribute("data-date"));
            String hearing = firstDay.findElement(By.cssSelector("tr[data-kind='hearing']")).getText();
            for (String part : List.of("09:00", "Hearing: Master calendar", f.caseNumber, "San Francisco", "Judge Ruiz")) {
                assertTrue(part + " in " + hearing, hearing.contains(part));
            }
            WebElement brief = driver.findElement(By.cssSelector("section[data-date='" + day(5) + "'] tr[data-kind='due-date']"));
            assertTrue(brief.getText(), brief.getText().contains("Due date: Brief") && brief.getText().contains("Reply brief"));
            browser.check("calendar", violations);

            // the next page holds the last entry
            driver.findElement(By.id("pagination-next")).click();
            wait.until(d -> text("results-summary").equals("Showing 51 to 51 of 51"));
            browser.awaitPage("litigationCalendar");

            // a range that ends before it starts: refused, the error names the field
            browser.setValue("cal-from", day(10));
            browser.setValue("cal-to", day(1));
            // Enter in a text field sends the form, as a keyboard user would
            driver.findElement(By.id("cal-attorney")).sendKeys(Keys.ENTER);
            WebElement summary = awaitErrorSummary();
            assertTrue(summary.getText(), summary.getText().contains("Until: The last day is before the first."));
            assertEquals("true", driver.findElement(By.id("cal-to")).getAttribute("aria-invalid"));
            // the refused question did not become the page's address: the last list stays as it was
            assertFalse(driver.getCurrentUrl(), driver.getCurrentUrl().contains("from="));
            assertEquals("Showing 51 to 51 of 51", text("results-summary"));
            summary.findElement(By.partialLinkText("Until")).sendKeys(Keys.ENTER);
            assertEquals("cal-to", driver.switchTo().activeElement().getAttribute("id"));
            browser.check("calendar with an error", violations);

            // the office's calendar, hearings only
            browser.setValue("cal-from", "");
            browser.setValue("cal-to", "");
            browser.type("cal-office", f.office);
            new Select(driver.findElement(By.id("cal-kind"))).selectByValue("hearing");
            driver.findElement(By.id("cal-submit")).click();
            wait.until(d -> text("calendar-results-heading").equals("Hearings and due dates of the office " + f.office));
            browser.awaitPage("litigationCalendar");
            assertEquals("Showing 1 to 1 of 1", text("results-summary"));
            assertEquals(1, driver.findElements(By.cssSelector("#calendar-results tr[data-kind='hearing']")).size());

            // reminders: the brief due in five days
            driver.findElement(By.id("litigation-tab-reminders")).click();
            browser.awaitPage("litigationReminders");
            assertEquals("My reminders", browser.heading());
            String reminders = driver.findElement(By.id("reminders-table")).getText();
            assertTrue(reminders, reminders.contains(f.caseNumber) && reminders.contains("Brief")
                    && reminders.contains("7 days before"));
            browser.check("reminders", violations);

            // the feed address: shown once, read by a calendar application, revoked
            driver.findElement(By.id("litigation-tab-feed")).click();
            browser.awaitPage("litigationFeed");
            assertEquals("Calendar feed", browser.heading());
            browser.check("feed", violations);
            driver.findElement(By.id("feed-issue")).click();
            WebElement url = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("feed-url")));
            String address = url.getAttribute("value");
            assertTrue(address, address.startsWith(base() + LIT + "/calendar/feed/"));
            HttpResult feed = http().get(address.substring(base().length()));
            assertEquals(200, feed.status());
            assertTrue(feed.body().contains("BEGIN:VCALENDAR") && feed.body().contains(f.caseNumber));
            browser.check("feed issued", violations);
            driver.findElement(By.id("feed-revoke")).click();
            wait.until(d -> text("feed-result").contains("was revoked"));
            assertEquals(404, http().get(address.substring(base().length())).status());

            // the case page lists the litigation records in a section of the litigation module
            driver.get(base() + "/console/#/cases/immigration-case/" + f.caseId);
            browser.awaitPage("caseDetail");
            WebElement records = driver.findElement(By.id("case-litigation-records"));
            assertEquals("Litigation records", records.findElement(By.tagName("h2")).getText());
            String people = records.findElement(By.cssSelector("section[data-records='people']")).getText();
            assertTrue(people, people.contains("People in the case") && people.contains("Lena Ortiz")
                    && people.contains("Private attorney") && people.contains("Ortiz Law"));
            assertTrue(records.findElement(By.cssSelector("section[data-records='phase-notes']")).getText()
                    .contains("Respondent seeks asylum."));
            assertEquals("None recorded.", records.findElement(By.cssSelector(
                    "section[data-records='a-file-transfers'] p")).getText());
            browser.check("case page with litigation records", violations);

            // the workload is refused to an attorney who types its address
            driver.get(base() + "/console/#/m/litigation/workload?office=" + f.office);
            browser.awaitPage("litigationWorkload");
            assertTrue(text("main-content").contains("Only legal office managers may see workload views."));
        } finally {
            browser.signOut();
        }
        assertTrue("accessibility violations:\n" + ConsoleBrowser.report(violations), violations.isEmpty());
    }

    @Test
    public void calendarSpeaksSpanish() throws IOException {
        Fixture f = fixture();
        Map<String, List<String>> violations = new LinkedHashMap<>();
        try (ConsoleBrowser spanish = ConsoleBrowser.start("es-ES", ARTIFACTS.resolve("es"))) {
            WebDriver es = spanish.driver();
            es.get(base() + "/console/");
            spanish.awaitPage("signIn");
            f.attorneyPassword = spanish.signIn(f.attorney, f.attorneyPassword);
            spanish.awaitPage("home");
            assertEquals("Calendario de litigios",
                    es.findElement(By.cssSelector("#site-nav a[data-nav='module-litigation']")).getText());
            spanish.navigateTo("module-litigation");
            spanish.awaitPage("litigationCalendar");
            assertEquals("es", es.findElement(By.tagName("html")).getAttribute("lang"));
            assertEquals("Calendario", spanish.heading());
            assertEquals("Mis audiencias y plazos", es.findElement(By.id("calendar-results-heading")).getText());
            assertEquals("Mostrando 1 a 50 de 51", es.findElement(By.id("results-summary")).getText());
            assertTrue(es.findElement(By.cssSelector("tr[data-kind='hearing']")).getText().contains("Audiencia: Audiencia preliminar"));
            assertEquals("Hasta", es.findElement(By.cssSelector("label[for='cal-to']")).getText().trim());
            spanish.check("calendario", violations);

            spanish.setValue("cal-from", day(10));
            spanish.setValue("cal-to", day(1));
            es.findElement(By.id("cal-submit")).click();
            WebElement summary = spanish.waiter().until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".cw-error-summary")));
            assertTrue(summary.getText(), summary.getText().contains("Hasta: El último día es anterior al primero."));
            spanish.check("calendario con error", violations);
        }
        assertTrue("accessibility violations:\n" + ConsoleBrowser.report(violations), violations.isEmpty());
    }

    @Test
    public void managerSeesTheOfficesWorkloadAndTheNavigationFollowsPermissions() {
        Fixture f = fixture();
        Map<String, List<String>> violations = new LinkedHashMap<>();
        String manager = unique("mgr");
        String managerPassword = newUser(manager, f.office, "legal-manager");
        String analyst = unique("ana");
        String analystPassword = newUser(analyst, f.office, "analyst");

        driver.get(base() + "/console/");
        browser.awaitPage("signIn");
        browser.signIn(manager, managerPassword);
        browser.awaitPage("home");
        try {
            assertTrue(navEntries().contains("module-litigation-workload"));
            assertFalse("a legal office manager holds no facilities:read", navEntries().contains("module-facilities"));
            browser.navigateTo("module-litigation-workload");
            browser.awaitPage("litigationWorkload");
            assertEquals("Workload", browser.heading());
            assertFalse(driver.findElements(By.id("litigation-tab-workload")).isEmpty());
            browser.check("workload form", violations);

            browser.type("wl-office", f.office);
            driver.findElement(By.id("wl-office")).sendKeys(Keys.ENTER);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("workload-results")));
            browser.awaitPage("litigationWorkload");
            String heading = text("workload-results-heading");
            assertTrue(heading, heading.startsWith("Workload of the office " + f.office + " as of "));
            assertEquals("2", text("wl-open-cases"));
            assertEquals("1", text("wl-upcoming-hearings"));
            assertEquals("1", text("wl-overdue"));
            WebElement row = driver.findElement(By.cssSelector("#wl-by-attorney tr[data-attorney='" + f.attorney + "']"));
            assertTrue(row.getText(), row.getText().startsWith(f.attorney + " 2 1 1"));
            assertTrue(text("wl-overdue-list").contains("Motion to reopen"));
            browser.check("workload of an office", violations);

            // one attorney's workload from the office's table
            row.findElement(By.tagName("a")).click();
            wait.until(d -> text("workload-results-heading").startsWith("Workload of " + f.attorney));
            browser.awaitPage("litigationWorkload");
            assertEquals("2", text("wl-open-cases"));

            // asking for both an attorney and an office: the error names the field
            browser.type("wl-office", f.office);
            driver.findElement(By.id("wl-submit")).click();
            WebElement summary = awaitErrorSummary();
            assertTrue(summary.getText(), summary.getText().contains("Office: Give one attorney or one office, not both."));
            assertEquals("true", driver.findElement(By.id("wl-office")).getAttribute("aria-invalid"));
        } finally {
            browser.signOut();
        }

        // an analyst reads facilities but no litigation cases
        browser.signIn(analyst, analystPassword);
        browser.awaitPage("home");
        try {
            assertTrue(navEntries().contains("module-facilities"));
            assertEquals("Facilities", navLink("module-facilities").getText());
            assertFalse(navEntries().contains("module-litigation"));
            assertFalse(navEntries().contains("module-litigation-workload"));
        } finally {
            browser.signOut();
        }
        assertTrue("accessibility violations:\n" + ConsoleBrowser.report(violations), violations.isEmpty());
    }

    @Test
    public void facilitiesAreListedInSpanishToAnAnalyst() throws IOException {
        Fixture f = fixture();
        String analyst = unique("ana");
        String password = newUser(analyst, f.office, "analyst");
        try (ConsoleBrowser spanish = ConsoleBrowser.start("es-ES", ARTIFACTS.resolve("es-facilities"))) {
            spanish.driver().get(base() + "/console/");
            spanish.awaitPage("signIn");
            spanish.signIn(analyst, password);
            spanish.awaitPage("home");
            WebElement entry = spanish.waiter().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#site-nav a[data-nav='module-facilities']")));
            assertEquals("Centros", entry.getText());
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static List<String> navEntries() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#site-nav a[data-nav='account']")));
        return driver.findElements(By.cssSelector("#site-nav a[data-nav]")).stream()
                .map(a -> a.getAttribute("data-nav")).toList();
    }

    private static WebElement navLink(String key) {
        return driver.findElement(By.cssSelector("#site-nav a[data-nav='" + key + "']"));
    }

    private static String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** Waits for the page's error summary and for the focus to be on it. */
    private static WebElement awaitErrorSummary() {
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".cw-error-summary")));
        wait.until(d -> summary.equals(d.switchTo().activeElement()));
        return summary;
    }

    /** A new account; answers its password. */
    private static String newUser(String name, String division, String role) {
        String password = "Long-enough-" + UUID.randomUUID();
        assertStatus(admin().post("/api/v1/users", Map.of("username", name, "fullName", "Test " + name,
                "roles", List.of(role), "divisions", List.of(division), "password", password)), 201);
        return password;
    }

    private static long immigrationCase(CaseworkHttp as, String division) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("aNumber", String.format("%09d", ThreadLocalRandom.current().nextInt(1, 999_999_999)));
        fields.put("respondent", Map.of("fullName", "Ana Consola", "dateOfBirth", "1990-04-02"));
        HttpResult r = as.post(IMM + "?division=" + division, Map.of("fields", fields));
        assertStatus(r, 201);
        return r.json().path("id").asLong();
    }

    private static void assign(long id, String attorney) {
        long version = admin().get(IMM + "/" + id).json().path("version").asLong();
        assertStatus(admin().put(IMM + "/" + id + "/assignment", Map.of("version", version, "assignee", attorney)), 200);
    }

    private static String day(int plusDays) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(plusDays).toString();
    }

    private static String unique(String prefix) {
        return prefix + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    private static void assertStatus(HttpResult r, int status) {
        assertEquals(r.toString(), status, r.status());
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
