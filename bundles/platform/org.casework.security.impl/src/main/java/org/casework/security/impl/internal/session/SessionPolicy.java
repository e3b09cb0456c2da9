package org.casework.security.impl.internal.session;

import java.time.Duration;
import java.time.Instant;

import org.casework.security.api.Session;

/**
 * How long sessions live. A console session ends 8 hours after sign-in at the latest, or after 30
 * minutes without a request; an API token lives 12 hours. Use is recorded at most once a minute,
 * to spare the database a write per request.
 */
public final class SessionPolicy {

    public static final Duration BROWSER_ABSOLUTE = Duration.ofHours(8);
    public static final Duration BROWSER_IDLE = Duration.ofMinutes(30);
    public static final Duration API_ABSOLUTE = Duration.ofHours(12);
    public static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private SessionPolicy() {
    }

    /** When a session of this kind opened at {@code openedAt} ends at the latest. */
    public static Instant expiresAt(Session.Kind kind, Instant openedAt) {
        return openedAt.plus(kind == Session.Kind.BROWSER ? BROWSER_ABSOLUTE : API_ABSOLUTE);
    }

    /** Whether the session may still be used at {@code now}. */
    public static boolean isValid(Session.Kind kind, Instant lastSeenAt, Instant expiresAt,
            Instant now) {
        if (!now.isBefore(expiresAt)) {
            return false;
        }
        return kind != Session.Kind.BROWSER || now.isBefore(lastSeenAt.plus(BROWSER_IDLE));
    }

    /** Whether the last use is old enough to be worth recording again. */
    public static boolean needsTouch(Instant lastSeenAt, Instant now) {
        return !now.isBefore(lastSeenAt.plus(TOUCH_INTERVAL));
    }

    /** Browser sessions last used before this instant have gone idle. */
    public static Instant idleCutoff(Instant now) {
        return now.minus(BROWSER_IDLE);
    }
}
