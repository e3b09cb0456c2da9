package org.casework.litigation.api;

import java.time.Instant;

/**
 * A calendar feed token as issued: shown once, never again.
 *
 * @param token the secret to put in the feed address
 * @param path the feed's path under the server, e.g. {@code /api/v1/litigation/calendar/feed/<token>}
 * @param createdAt when it was issued
 */
public record FeedToken(String token, String path, Instant createdAt) {
}
