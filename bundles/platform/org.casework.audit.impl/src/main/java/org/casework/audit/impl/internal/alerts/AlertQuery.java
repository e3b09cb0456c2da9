package org.casework.audit.impl.internal.alerts;

import java.time.Instant;

/** Filters of the alert list; null means any. {@code to} is exclusive. */
public record AlertQuery(String status, String rule, String username, Instant from, Instant to, int page,
        int size) {
}
