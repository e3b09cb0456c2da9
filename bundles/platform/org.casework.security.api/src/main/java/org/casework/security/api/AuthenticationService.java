package org.casework.security.api;

import org.casework.core.api.Caller;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Establishes who is calling. Used by the REST layer for every request and by the console's
 * sign-in page. Implementations are thread-safe.
 */
@ProviderType
public interface AuthenticationService {

    /**
     * Checks a user name and password.
     *
     * @param remoteAddress where the attempt came from, for the audit trail and lockout
     * @return the authenticated caller
     * @throws AuthenticationException when the credentials are wrong or the account cannot sign in
     */
    Caller authenticate(String username, char[] password, String remoteAddress)
            throws AuthenticationException;

    /** Starts a session of the given kind for a caller that has just authenticated. */
    Session openSession(Caller caller, Session.Kind kind, String remoteAddress);

    /**
     * Resolves a token presented by a client. Expired, revoked or unknown tokens, and tokens of
     * deactivated users, resolve to empty. The returned session has a null {@code token}.
     */
    Optional<Session> resolve(String token);

    /** Ends the session carried by this token; unknown tokens are ignored. */
    void close(String token);

    /**
     * The caller's own open sessions and API tokens, newest first.
     *
     * @param currentToken the token of the request asking, to flag its session; may be null
     * @since 1.1
     */
    List<SessionInfo> sessions(Caller caller, String currentToken);

    /**
     * Ends one of the caller's own sessions by its {@link SessionInfo#id()}.
     *
     * @return false when the caller has no session with that id (another user's id included)
     * @since 1.1
     */
    boolean closeSession(Caller caller, String sessionId);
}
