package org.casework.security.api;

import java.time.Instant;

/**
 * One of a user's open sessions or API tokens, as the user sees it in their list. Never carries
 * the token.
 *
 * @param id an opaque identifier, good only for ending the session
 * @param remoteAddress where the session was opened from, if known
 * @param current whether this is the session the list was asked for in
 */
public record SessionInfo(String id, Session.Kind kind, Instant createdAt, Instant lastSeenAt,
        Instant expiresAt, String remoteAddress, boolean current) {
}
