package org.casework.audit.impl.internal.alerts;

import java.time.Instant;

/**
 * A stored alert as the security officer's API shows it.
 *
 * @param status {@code open} or {@code acknowledged}
 */
public record AlertView(long id, String rule, String username, String sourceAddress, Instant raisedAt,
        String summary, String detail, String status, String acknowledgedBy, Instant acknowledgedAt,
        String comment, long version) {
}
