package org.casework.audit.impl.internal.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.casework.audit.api.AuditEvent;

/**
 * Evaluates the alert rules over audit entries in the order they arrive. Each user or address
 * has a sliding window per rule, held in one map bounded by {@link RuleSettings#trackedMax()}:
 * windows idle for longer than the longest rule looks back are dropped as entries arrive, and the
 * least recently active are dropped first when the map is full. After a rule fires for a user or
 * address it stays quiet for that one for the length of its window, so a burst gives one alert.
 * Windows are measured in entry time, not in the time the entry reaches the rules.
 */
public final class RuleEngine {

    /** Audit actions of a failed sign-in: a wrong password, or a wrong or missing one-time code. */
    static final Set<String> FAILURE_ACTIONS = Set.of("logon-failed", "otp-failed");

    private final RuleSettings settings;
    private final Duration longest;
    private final LinkedHashMap<String, Track> tracks;

    /** What the rules remember of one user or address for one rule. */
    private static final class Track {
        final ArrayDeque<Instant> times = new ArrayDeque<>();
        final LinkedHashMap<String, Instant> records = new LinkedHashMap<>();
        Instant last = Instant.MIN;
        Instant quietUntil = Instant.MIN;
        String lastAddress;
    }

    public RuleEngine(RuleSettings settings) {
        this.settings = settings;
        this.longest = settings.longestWindow();
        int max = settings.trackedMax();
        this.tracks = new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Track> eldest) {
                return size() > max;
            }
        };
    }

    /** The rules' settings. */
    public RuleSettings settings() {
        return settings;
    }

    /** How many users and addresses the rules remember now. */
    synchronized int tracked() {
        return tracks.size();
    }

    /** Feeds one committed entry to the rules; returns the alerts it raises, usually none. */
    public synchronized List<Alert> evaluate(Entry e) {
        List<Alert> alerts = new ArrayList<>();
        if (e.at() == null || e.action() == null) {
            return alerts;
        }
        boolean person = !e.system() && e.actor() != null;
        boolean success = AuditEvent.SUCCESS.equals(e.outcome());
        if ("view".equals(e.action()) && person && success && settings.viewsEnabled() && e.recordId() != null) {
            views(e, alerts);
        } else if ("logon".equals(e.action()) && person && success && settings.offHoursEnabled()) {
            offHours(e, alerts);
        } else if (FAILURE_ACTIONS.contains(e.action()) && settings.failuresEnabled()) {
            failures(e, person, alerts);
        } else if ("export".equals(e.action()) && person && success && settings.exportsEnabled()) {
            exports(e, alerts);
        }
        evict(e.at());
        return alerts;
    }

    private void views(Entry e, List<Alert> alerts) {
        Track t = track(Rule.BULK_VIEWING, e.actor(), e.at());
        Duration window = settings.viewsWindow();
        String record = (e.recordType() == null ? "" : e.recordType()) + "/" + e.recordId();
        t.records.remove(record);
        t.records.put(record, e.at());
        Instant start = e.at().minus(window);
        int limit = settings.viewsLimit();
        for (Iterator<Instant> it = t.records.values().iterator(); it.hasNext();) {
            Instant seen = it.next();
            if (!seen.isAfter(start) || t.records.size() > limit + 1) {
                it.remove();
            } else {
                break;
            }
        }
        if (t.records.size() > limit && quiet(t, e.at(), window)) {
            alerts.add(new Alert(Rule.BULK_VIEWING, e.actor(), e.remoteAddress(), e.at(),
                    e.actor() + " viewed more than " + limit + " different records within " + minutes(window) + ".",
                    "Limit: " + limit + " different records in " + minutes(window) + ". The last one viewed: "
                            + record + " at " + e.at() + "."));
        }
    }

    private void offHours(Entry e, List<Alert> alerts) {
        ZonedDateTime local = e.at().atZone(settings.zone());
        if (working(local)) {
            return;
        }
        Track t = track(Rule.OFF_HOURS_SIGN_IN, e.actor(), e.at());
        if (quiet(t, e.at(), settings.offHoursQuiet())) {
            String when = local.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                    + local.toLocalTime().withNano(0) + " " + settings.zone().getId();
            alerts.add(new Alert(Rule.OFF_HOURS_SIGN_IN, e.actor(), e.remoteAddress(), e.at(),
                    e.actor() + " signed in outside working hours (" + when + ").",
                    "Working hours: " + settings.workDays() + " " + settings.workStart() + " to "
                            + settings.workEnd() + " " + settings.zone().getId() + ". From: "
                            + (e.remoteAddress() == null ? "unknown address" : e.remoteAddress()) + "."));
        }
    }

    /** Whether a local time falls in working hours; an end before the start spans midnight. */
    boolean working(ZonedDateTime local) {
        LocalTime time = local.toLocalTime();
        LocalTime start = settings.workStart();
        LocalTime end = settings.workEnd();
        if (!start.isAfter(end)) {
            return settings.workDays().contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
        }
        // a night shift: the part after midnight belongs to the day the shift started
        if (!time.isBefore(start)) {
            return settings.workDays().contains(local.getDayOfWeek());
        }
        return time.isBefore(end) && settings.workDays().contains(local.getDayOfWeek().minus(1));
    }

    private void failures(Entry e, boolean person, List<Alert> alerts) {
        Duration window = settings.failuresWindow();
        int limit = settings.failuresLimit();
        Track user = null;
        boolean userOver = false;
        if (person) {
            user = track(Rule.SIGN_IN_FAILURES, "user:" + e.actor(), e.at());
            userOver = count(user, e.at(), window, limit);
            user.lastAddress = e.remoteAddress();
        }
        Track address = null;
        boolean addressOver = false;
        if (e.remoteAddress() != null) {
            address = track(Rule.SIGN_IN_FAILURES, "address:" + e.remoteAddress(), e.at());
            addressOver = count(address, e.at(), window, limit);
        }
        boolean userAlert = userOver && quiet(user, e.at(), window);
        boolean addressAlert = addressOver && quiet(address, e.at(), window);
        if (userAlert && (addressOver || addressAlert)) {
            // one burst from one address against one account: one alert, and quiet on both
            if (address != null) {
                address.quietUntil = e.at().plus(window);
            }
            alerts.add(new Alert(Rule.SIGN_IN_FAILURES, e.actor(), e.remoteAddress(), e.at(),
                    "More than " + limit + " failed sign-ins for " + e.actor() + " from " + e.remoteAddress()
                            + " within " + minutes(window) + ".", failureDetail(limit, window, e)));
        } else if (userAlert) {
            alerts.add(new Alert(Rule.SIGN_IN_FAILURES, e.actor(), e.remoteAddress(), e.at(),
                    "More than " + limit + " failed sign-ins for " + e.actor() + " within " + minutes(window) + ".",
                    failureDetail(limit, window, e)));
        } else if (addressAlert) {
            alerts.add(new Alert(Rule.SIGN_IN_FAILURES, null, e.remoteAddress(), e.at(),
                    "More than " + limit + " failed sign-ins from " + e.remoteAddress() + " within "
                            + minutes(window) + ".", failureDetail(limit, window, e)));
        }
    }

    private static String failureDetail(int limit, Duration window, Entry e) {
        return "Limit: " + limit + " failures in " + minutes(window) + ". The last one: " + e.action()
                + (e.actor() == null ? "" : " as " + e.actor())
                + (e.remoteAddress() == null ? "" : " from " + e.remoteAddress()) + " at " + e.at() + ".";
    }

    private void exports(Entry e, List<Alert> alerts) {
        Track t = track(Rule.BULK_EXPORT, e.actor(), e.at());
        Duration window = settings.exportsWindow();
        int limit = settings.exportsLimit();
        if (count(t, e.at(), window, limit) && quiet(t, e.at(), window)) {
            String what = e.recordType() == null ? "" : " " + e.recordType()
                    + (e.recordId() == null ? "" : "/" + e.recordId());
            alerts.add(new Alert(Rule.BULK_EXPORT, e.actor(), e.remoteAddress(), e.at(),
                    e.actor() + " exported more than " + limit + " times within " + minutes(window) + ".",
                    "Limit: " + limit + " exports in " + minutes(window) + ". The last one:" + what + " at "
                            + e.at() + "."));
        }
    }

    /** Adds one occurrence; true when the window now holds more than {@code limit}. */
    private static boolean count(Track t, Instant at, Duration window, int limit) {
        t.times.addLast(at);
        Instant start = at.minus(window);
        while (!t.times.isEmpty() && (!t.times.peekFirst().isAfter(start) || t.times.size() > limit + 1)) {
            t.times.removeFirst();
        }
        return t.times.size() > limit;
    }

    /** True, and quiet from now on for {@code window}, unless this track already alerted within it. */
    private static boolean quiet(Track t, Instant at, Duration window) {
        if (at.isBefore(t.quietUntil)) {
            return false;
        }
        t.quietUntil = at.plus(window);
        return true;
    }

    private Track track(Rule rule, String key, Instant at) {
        Track t = tracks.computeIfAbsent(rule.key() + "|" + key, k -> new Track());
        if (at.isAfter(t.last)) {
            t.last = at;
        }
        return t;
    }

    /** Drops, from the least recently active on, windows idle longer than any rule looks back. */
    private void evict(Instant now) {
        Instant idle = now.minus(longest);
        for (Iterator<Track> it = tracks.values().iterator(); it.hasNext();) {
            Track t = it.next();
            if (t.last.isBefore(idle) && !now.isBefore(t.quietUntil)) {
                it.remove();
            } else {
                break;
            }
        }
    }

    private static String minutes(Duration d) {
        long m = d.toMinutes();
        return m == 1 ? "1 minute" : m + " minutes";
    }
}
