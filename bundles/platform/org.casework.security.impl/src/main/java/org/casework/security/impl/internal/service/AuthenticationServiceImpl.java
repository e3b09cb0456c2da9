package org.casework.security.impl.internal.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.casework.core.api.Caller;
import org.casework.security.api.AuthenticationException;
import org.casework.security.api.AuthenticationService;
import org.casework.security.api.Session;
import org.casework.security.impl.internal.password.PasswordHasher;
import org.casework.security.impl.internal.persistence.SecurityStore;
import org.casework.security.impl.internal.persistence.SessionEntity;
import org.casework.security.impl.internal.persistence.SessionRow;
import org.casework.security.impl.internal.persistence.UserRow;
import org.casework.security.impl.internal.session.SessionPolicy;
import org.casework.security.impl.internal.session.Tokens;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks passwords against the stored PBKDF2 hashes and keeps sessions and API tokens in
 * {@code cw_session}, by the SHA-256 of their tokens only. Unknown users, inactive users and wrong
 * passwords fail alike and take alike long.
 */
@Component(service = AuthenticationService.class)
public final class AuthenticationServiceImpl implements AuthenticationService {

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationServiceImpl.class);
    /** The one message for every failed sign-in: it must not tell which part was wrong. */
    public static final String FAILED = "The user name or password is wrong.";
    private static final int MAX_USERNAME_LENGTH = 64;

    private final SecurityStore store;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Tokens tokens = new Tokens();

    @Activate
    public AuthenticationServiceImpl(@Reference SecurityStore store) {
        this(store, new PasswordHasher(), Clock.systemUTC());
    }

    AuthenticationServiceImpl(SecurityStore store, PasswordHasher hasher, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public Caller authenticate(String username, char[] password, String remoteAddress)
            throws AuthenticationException {
        if (username == null || password == null || username.isBlank()
                || username.length() > MAX_USERNAME_LENGTH
                || password.length > org.casework.security.impl.internal.password.PasswordRules.MAX_LENGTH) {
            hasher.verifyDummy(password == null ? new char[0] : password);
            throw new AuthenticationException(FAILED);
        }
        String name = normaliseUsername(username);
        Optional<UserRow> user = store.findUser(name);
        if (user.isEmpty()) {
            hasher.verifyDummy(password);
            LOG.debug("Sign-in refused for unknown user name from {}", remoteAddress);
            throw new AuthenticationException(FAILED);
        }
        boolean matches = hasher.verify(password, user.get().passwordHash());
        if (!matches || !user.get().active()) {
            LOG.debug("Sign-in refused for {} from {}", name, remoteAddress);
            throw new AuthenticationException(FAILED);
        }
        return user.get().caller();
    }

    /** User names are stored in lower case; sign-in accepts any case. */
    static String normaliseUsername(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public Session openSession(Caller caller, Session.Kind kind, String remoteAddress) {
        Instant now = clock.instant();
        // opportunistic clean-up, so the table holds only live sessions
        int removed = store.deleteExpiredSessions(now, SessionPolicy.idleCutoff(now));
        if (removed > 0) {
            LOG.debug("Removed {} expired sessions", removed);
        }
        String token = tokens.newToken();
        String csrf = kind == Session.Kind.BROWSER ? tokens.newToken() : null;
        Instant expiresAt = SessionPolicy.expiresAt(kind, now);
        store.insertSession(new SessionEntity(Tokens.hash(token), caller.username(), kind.name(),
                csrf, now, expiresAt, truncate(remoteAddress, 64)));
        return new Session(token, csrf, caller, expiresAt, kind);
    }

    @Override
    public Optional<Session> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > Tokens.MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        String hash = Tokens.hash(token);
        Optional<SessionRow> found = store.findSession(hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SessionRow row = found.get();
        Session.Kind kind;
        try {
            kind = Session.Kind.valueOf(row.kind());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!SessionPolicy.isValid(kind, row.lastSeenAt(), row.expiresAt(), now)) {
            store.deleteSession(hash);
            return Optional.empty();
        }
        Optional<UserRow> user = store.findUser(row.username());
        if (user.isEmpty() || !user.get().active()) {
            return Optional.empty();
        }
        if (SessionPolicy.needsTouch(row.lastSeenAt(), now)) {
            store.touchSession(hash, now);
        }
        return Optional.of(new Session(null, row.csrfToken(), user.get().caller(), row.expiresAt(),
                kind));
    }

    @Override
    public void close(String token) {
        if (token != null && !token.isBlank() && token.length() <= Tokens.MAX_TOKEN_LENGTH) {
            store.deleteSession(Tokens.hash(token));
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
