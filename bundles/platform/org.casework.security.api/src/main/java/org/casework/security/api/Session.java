package org.casework.security.api;

import org.casework.core.api.Caller;

import java.time.Instant;

/**
 * A signed-in session or API token. The token itself is only ever known to the client; the
 * platform keeps a hash of it.
 *
 * @param token the opaque bearer value (present only when the session was just issued, else null)
 * @param csrfToken the value a browser session must echo in the {@code X-CSRF-Token} header on
 *     every state-changing request; null for API tokens, which are not sent automatically by browsers
 * @param caller whom the session authenticates
 * @param expiresAt when the session ends at the latest
 * @param kind whether this is a browser session or an API token
 */
public record Session(String token, String csrfToken, Caller caller, Instant expiresAt, Kind kind) {

    /** How the session is carried. */
    public enum Kind {
        /** A console session carried in an HttpOnly cookie; needs CSRF protection. */
        BROWSER,
        /** A bearer token for API clients, sent in the Authorization header. */
        API
    }
}
