package org.casework.audit.impl.internal.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Each rule, its window, its quiet period and the bound on what the rules remember. */
class RuleEngineTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** A Tuesday, 10:00 in New York: working hours. */
    private Clock clock = Clock.fixed(ZonedDateTime.of(2026, 3, 10, 10, 0, 0, 0, NEW_YORK).toInstant(), ZoneOffset.UTC);
    private long ids;

    private void advance(Duration d) {
        clock = Clock.offset(clock, d);
    }

    private Entry entry(String actor, String action, String outcome, String address, String recordId) {
        return new Entry(++ids, clock.instant(), actor, false, address, action, "complaint", recordId, outcome);
    }

    private Entry view(String actor, String recordId) {
        return entry(actor, "view", "success", "10.0.0.1", recordId);
    }

    private Entry failure(String actor, String address) {
        return entry(actor, "logon-failed", "failed", address, null);
    }

    private static List<Alert> feed(RuleEngine rules, Entry... entries) {
        List<Alert> alerts = new ArrayList<>();
        for (Entry e : entries) {
            alerts.addAll(rules.evaluate(e));
        }
        return alerts;
    }

    // ---- bulk viewing ------------------------------------------------------------------------

    @Test
    void viewingMoreDistinctRecordsThanTheLimitWithinTheWindowRaisesOneAlert() {
        RuleEngine rules = new RuleEngine(Configs.settings(Map.of("views_limit", 3, "views_minutes", 10L)));
        assertEquals(List.of(), feed(rules, view("jdoe", "1"), view("jdoe", "2"), view("jdoe", "3")));
        assertEquals(List.of(), feed(rules, view("jdoe", "1"), view("jdoe", "2")), "the same records again count once");
        List<Alert> alerts = feed(rules, view("jdoe", "4"));
        assertEquals(1, alerts.size());
        Alert a = alerts.get(0);
        assertEquals(Rule.BULK_VIEWING, a.rule());
        assertEquals("jdoe", a.username());
        assertEquals(clock.instant(), a.raisedAt());
        assertTrue(a.summary().contains("more than 3 different records within 10 minutes"), a.summary());
        assertEquals(List.of(), feed(rules, view("jdoe", "5"), view("jdoe", "6")), "no flood within the window");
        assertEquals(List.of(), feed(rules, view("other", "1")), "other users are counted apart");

        advance(Duration.ofMinutes(11));
        assertEquals(List.of(), feed(rules, view("jdoe", "7"), view("jdoe", "8"), view("jdoe", "9")));
        assertEquals(1, feed(rules, view("jdoe", "10")).size(), "a new window may alert again");
    }

    @Test
    void viewsSpreadBeyondTheWindowDoNotAlert() {
        RuleEngine rules = new RuleEngine(Configs.settings(Map.of("views_limit", 3, "views_minutes", 10L)));
        for (int i = 0; i < 10; i++) {
            assertEquals(List.of(), feed(rules, view("jdoe", Integer.toString(i))));
            advance(Duration.ofMinutes(4));
        }
    }

    @Test
    void deniedViewsAndSystemCallersAreNotCounted() {
        RuleEngine rules = new RuleEngine(Configs.settings(Map.of("views_limit", 1)));
        assertEquals(List.of(), feed(rules, entry("jdoe", "view", "denied", null, "1"),
                entry("jdoe", "view", "denied", null, "2"), entry("jdoe", "view", "denied", null, "3")));
        assertEquals(List.of(), feed(rules,
                new Entry(1, clock.instant(), "scheduler", true, null, "view", "t", "1", "success"),
                new Entry(2, clock.instant(), "scheduler", true, null, "view", "t", "2", "success")));
    }

    // ---- off-hours sign-in --------------------------------------------------------------------

    private Entry logonAt(String actor, ZonedDateTime at) {
        return new Entry(++ids, at.toInstant(), actor, false, "10.0.0.9", "logon", "user", actor, "success");
    }

    @Test
    void signInsOutsideWorkingHoursAlertOncePerUserWithinTheQuietPeriod() {
        RuleEngine rules = new RuleEngine(Configs.settings(Map.of()));
        ZonedDateTime tuesday = ZonedDateTime.of(2026, 3, 10, 0, 0, 0, 0, NEW_YORK);
        assertEquals(List.of(), feed(rules, logonAt("jdoe", tuesday.withHour(7)), logonAt("jdoe", tuesday.withHour(18).withMinute(59))));
        List<Alert> early = feed(rules, logonAt("jdoe", tuesday.withHour(6).withMinute(59)));
        assertEquals(1, early.size());
        assertEquals(Rule.OFF_HOURS_SIGN_IN, early.get(0).rule());
        assertEquals("10.0.0.9", early.get(0).sourceAddress());
        assertTrue(early.get(0).summary().contains("Tue 06:59 America/New_York"), early.get(0).summary());
        assertEquals(List.of(), feed(rules, logonAt("jdoe", tuesday.withHour(7).withMinute(30).minusMinutes(31))),
                "quiet within the hour");
        assertEquals(1, feed(rules, logonAt("jdoe", tuesday.withHour(19))).size(), "the end is outside");
        ZonedDateTime saturday = tuesday.plusDays(4).withHour(12);
        assertEquals(1, feed(rules, logonAt("asmith", saturday)).size(), "weekends are outside");
    }

    @Test
    void workingHoursMayCrossMidnight() {
        RuleEngine rules = new RuleEngine(Configs.settings(Map.of("offhours_days", "mon,tue,wed,thu,fri",
                "offhours_start", "22:00", "offhours_end", "06:00", "offhours_zone", "UTC")));
        ZonedDateTime friday = ZonedDateTime.of(2026, 3, 13, 0, 0, 0, 0, ZoneOffset.UTC);
        assertTrue(rules.working(friday.withHour(23)));
        assertTrue(rules.working(friday.plusDays(1).withHour(5)), "Saturday 05:00 ends Friday's shift");
        assertTrue(!rules.working(friday.plusDays(1).withHour(23)), "Saturday 23:00 starts no shift");
        assertTrue(!rules.working(friday.withHour(12)));
    }

    // ---- sign-in failures ---------------------------------------------------------------------

    @Test
    void repeatedFailuresForOneUserFromOneAddressGiveOneAlert() {
        RuleEngine rules = new RuleEngine(Configs.settings(Map.of("failures_limit", 3, "failures_minutes", 15L)));
        assertEquals(List.of(), feed(rules, failure("jdoe", "10.0.0.5"), failure("jdoe", "10.0.0.5"),
                failure("jdoe", "10.0.0.5")));
        List<Alert> alerts = feed(rules, failure("jdoe", "10.0.0.5"));
        assertEquals(1, alerts.size());
        assertEquals(Rule.SIGN_IN_FAILURES, alerts.get(0).rule());
        assertEquals("jdoe", alerts.get(0).username());
        assertEquals("10.0.0.5", alerts.get(0).sourceAddress());
        assertEquals(List.of(), feed(rules, failure("jdoe", "10.0.0.5"), failure("jdoe", "10.0.0.5")));
    }

    @Test
    void failuresFromOneAddressAgainstManyNamesAlertForTheAddress() {
        RuleEngine rules = new RuleEngine(Configs.settings(Map.of("failures_limit", 3)));
        List<Alert> alerts = feed(rules, failure("a", "10.0.0.6"), failure("b", "10.0.0.6"),
                failure("c", "10.0.0.6"), failure("d", "10.0.0.6"));
        assertEquals(1, alerts.size());
        assertNull(alerts.get(0).username());
        assertEquals("10.0.0.6", alerts.get(0).sourceAddress());
        assertTrue(alerts.get(0).summary().contains("from 10.0.0.6"), alerts.get(0).summary());
    }

    @Test
    void failuresForOneNameFromManyAddressesAlertForTheName() {
        RuleEngine rules = new RuleEngine(Configs.settings(Map.of("failures_limit", 3)));
        List<Alert> alerts = feed(rules, failure("jdoe", "10.0.1.1"), failure("jdoe", "10.0.1.2"),
                failure("jdoe", "10.0.1.3"), failure("jdoe", "10.0.1.4"));
        assertEquals(1, alerts.size());
        assertEquals("jdoe", alerts.get(0).username());
        assertTrue(alerts.get(0).summary().contains("for jdoe within"), alerts.get(0).summary());
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        RuleEngine rules = new RuleEngine(Configs.settings(Map.of("failures_limit", 3, "failures_minutes", 15L)));
        for (int i = 0; i < 8; i++) {
            assertEquals(List.of(), feed(rules, failure("jdoe", "10.0.0.5")));
            advance(Duration.ofMinutes(6));
        }
    }

    @Test
    void wrongOneTimeCodesCountAsFailures() {
        RuleEngine rules = new RuleEngine(Configs.settings(Map.of("failures_limit", 1)));
        assertEquals(1, feed(rules, entry("jdoe", "otp-failed", "failed", null, null),
                entry("jdoe", "otp-failed", "failed", null, null)).size());
    }

    // ---- bulk export --------------------------------------------------------------------------

    @Test
    void exportsAboveTheLimitAlertOnce() {
        RuleEngine rules = new RuleEngine(Configs.settings(Map.of("exports_limit", 2, "exports_minutes", 60L)));
        Entry export = entry("jdoe", "export", "success", null, "7");
        assertEquals(List.of(), feed(rules, export, export, entry("jdoe", "export", "denied", null, "7")));
        List<Alert> alerts = feed(rules, export);
        assertEquals(1, alerts.size());
        assertEquals(Rule.BULK_EXPORT, alerts.get(0).rule());
        assertEquals(List.of(), feed(rules, export, export, export));
        advance(Duration.ofMinutes(61));
        assertEquals(List.of(), feed(rules, entry("jdoe", "export", "success", null, "8")));
    }

    // ---- switches and memory ------------------------------------------------------------------

    @Test
    void aDisabledRuleNeverFires() {
        RuleEngine rules = new RuleEngine(Configs.settings(Map.of("failures_enabled", false, "failures_limit", 1,
                "exports_enabled", false, "exports_limit", 1, "views_enabled", false, "views_limit", 1,
                "offhours_enabled", false)));
        ZonedDateTime sunday = ZonedDateTime.of(2026, 3, 15, 3, 0, 0, 0, NEW_YORK);
        assertEquals(List.of(), feed(rules, failure("x", "1.2.3.4"), failure("x", "1.2.3.4"),
                entry("x", "export", "success", null, null), entry("x", "export", "success", null, null),
                view("x", "1"), view("x", "2"), logonAt("x", sunday)));
    }

    @Test
    void idleWindowsAreForgotten() {
        RuleEngine rules = new RuleEngine(Configs.settings(Map.of()));
        feed(rules, view("a", "1"), view("b", "1"), failure("c", "10.0.0.1"));
        assertEquals(4, rules.tracked());
        advance(Duration.ofHours(2));
        feed(rules, view("d", "1"));
        assertEquals(1, rules.tracked());
    }

    @Test
    void theNumberOfTrackedUsersIsBounded() {
        RuleEngine rules = new RuleEngine(Configs.settings(Map.of("tracked_max", 100)));
        for (int i = 0; i < 1_000; i++) {
            feed(rules, view("user" + i, "1"));
        }
        assertEquals(100, rules.tracked());
    }

    @Test
    void unreadableSettingsFallBackToDefaults() {
        List<String> complaints = new ArrayList<>();
        RuleSettings s = RuleSettings.of(Configs.alerts(Map.of("offhours_start", "seven", "offhours_zone", "Mars/Base",
                "offhours_days", "funday", "notify$", " a@example.org, ,b@example.org ")), complaints::add);
        assertEquals(3, complaints.size(), complaints.toString());
        assertEquals(java.time.LocalTime.of(7, 0), s.workStart());
        assertEquals(NEW_YORK, s.zone());
        assertEquals(5, s.workDays().size());
        assertEquals(List.of("a@example.org", "b@example.org"), s.notifyTo());
    }

    @Test
    void theTimeOfAnAlertIsTheTimeOfTheEntry() {
        Instant at = clock.instant();
        RuleEngine rules = new RuleEngine(Configs.settings(Map.of("exports_limit", 1)));
        feed(rules, entry("jdoe", "export", "success", null, null));
        advance(Duration.ofMinutes(1));
        assertEquals(at.plus(Duration.ofMinutes(1)),
                feed(rules, entry("jdoe", "export", "success", null, null)).get(0).raisedAt());
    }
}
