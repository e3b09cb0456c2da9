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
     * @throws OtpRequiredException (since 1.2) when the account has two-factor sign-in on: such
     *     accounts sign in only through
     *     {@link #authenticate(String, char[], String, String, String)}
     * @throws AuthenticationException when the credentials are wrong or the account cannot sign in
     */
    Caller authenticate(String username, char[] password, String remoteAddress)
            throws AuthenticationException;

    /**
     * Checks a user name, password and, for accounts with two-factor sign-in on, a one-time code
     * (RFC 6238, six digits) or a single-use recovery code. Each one-time code is accepted once;
     * a wrong code counts as a failed sign-in towards the lock. Without either code this behaves
     * as {@link #authenticate(String, char[], String)}.
     *
     * @param otp the six-digit code of the user's authenticator app; may be null
     * @param recoveryCode one of the user's recovery codes; may be null
     * @throws OtpRequiredException when the account needs a code and none was given
     * @throws AuthenticationException when any part is wrong or the account cannot sign in
     * @since 1.2
     */
    default Caller authenticate(String username, char[] password, String otp,
            String recoveryCode, String remoteAddress) throws AuthenticationException {
        if (otp != null || recoveryCode != null) {
            throw new AuthenticationException("The user name or password is wrong.");
        }
        return authenticate(username, password, remoteAddress);
    }

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

    /**
     * The caller an active account stands for, with its permissions resolved as at sign-in, for
     * work done on a user's behalf without a password: a calendar feed the user subscribed to
     * with a token of their own, a reminder addressed to them. Empty for an unknown, inactive or
     * locked account. Nothing is audited here; the work done as the caller is.
     *
     * @since 1.4
     */
    Optional<Caller> callerFor(String username);
}
