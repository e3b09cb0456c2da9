package org.casework.security.impl.internal.persistence;

import java.time.Instant;

/** A session as read in one transaction, detached from JPA. */
public record SessionRow(String tokenHash, String username, String kind, String csrfToken,
        Instant createdAt, Instant lastSeenAt, Instant expiresAt, String remoteAddress,
        String sessionId) {

    static SessionRow of(SessionEntity e) {
        return new SessionRow(e.getTokenHash(), e.getUsername(), e.getKind(), e.getCsrfToken(),
                e.getCreatedAt(), e.getLastSeenAt(), e.getExpiresAt(), e.getRemoteAddress(),
                e.getSessionId());
    }
}
