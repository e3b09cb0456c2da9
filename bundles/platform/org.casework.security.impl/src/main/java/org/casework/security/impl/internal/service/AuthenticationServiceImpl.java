package org.casework.security.impl.internal.service;

import org.casework.security.impl.internal.roles.RoleCatalog;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferenceCardinality;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.casework.audit.api.AuditEvent;
import org.casework.core.api.Caller;
import org.casework.security.api.AuthenticationException;
import org.casework.security.api.AuthenticationService;
import org.casework.security.api.OtpRequiredException;
import org.casework.security.api.Session;
import org.casework.security.api.SessionInfo;
import org.casework.security.api.UserAccount;
import org.casework.security.impl.internal.directory.DirectoryUnavailableException;
import org.casework.security.impl.internal.directory.DirectoryUser;
import org.casework.security.impl.internal.directory.LdapDirectory;
import org.casework.security.impl.internal.password.PasswordHasher;
import org.casework.security.impl.internal.password.PasswordRules;
import org.casework.security.impl.internal.persistence.SecurityStore;
import org.casework.security.impl.internal.persistence.SessionEntity;
import org.casework.security.impl.internal.persistence.SessionRow;
import org.casework.security.impl.internal.persistence.UserRow;
import org.casework.security.impl.internal.session.SessionPolicy;
import org.casework.security.impl.internal.session.Tokens;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks passwords against the stored PBKDF2 hashes and keeps sessions and API tokens in
 * {@code cw_session}, by the SHA-256 of their tokens only. Unknown users, inactive users, locked
 * accounts and wrong passwords fail alike and take alike long. {@link SignInConfig#maxFailures()}
 * wrong passwords in a row lock the account for {@link SignInConfig#lockMinutes()}. Accounts with
 * two-factor sign-in on also need a one-time or recovery code; a wrong code counts as a failure.
 */
@Component(service = AuthenticationService.class, configurationPid = SignInConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SignInConfig.class)
public final class AuthenticationServiceImpl implements AuthenticationService {

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationServiceImpl.class);
    /** The one message for every failed sign-in: it must not tell which part was wrong. */
    public static final String FAILED = "The user name or password is wrong.";
    /** The message when the password was right but a two-factor code is needed. */
    public static final String OTP_REQUIRED =
            "Enter the six-digit code from your authenticator app, or a recovery code.";
    private static final int MAX_USERNAME_LENGTH = 64;

    private final SecurityStore store;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SecurityAudit audit;
    private final TwoFactorService twoFactor;
    private final Tokens tokens = new Tokens();
    private volatile int maxFailures = 5;

    /** Resolves each signed-in caller's permissions from its roles' permission sets. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RoleCatalog roleCatalog;
    private volatile Duration lockDuration = Duration.ofMinutes(15);
    /** Present only while directory sign-in is configured ({@code org.casework.security.ldap}). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LdapDirectory directory;

    @Activate
    public AuthenticationServiceImpl(@Reference SecurityStore store,
            @Reference SecurityAudit audit, @Reference TwoFactorService twoFactor,
            SignInConfig config) {
        this(store, new PasswordHasher(), Clock.systemUTC(), audit, twoFactor);
        modified(config);
    }

    AuthenticationServiceImpl(SecurityStore store, PasswordHasher hasher, Clock clock) {
        this(store, hasher, clock, new SecurityAudit(null));
    }

    AuthenticationServiceImpl(SecurityStore store, PasswordHasher hasher, Clock clock,
            SecurityAudit audit) {
        this(store, hasher, clock, audit, new TwoFactorService(store, clock, audit));
    }

    AuthenticationServiceImpl(SecurityStore store, PasswordHasher hasher, Clock clock,
            SecurityAudit audit, TwoFactorService twoFactor) {
        this.twoFactor = twoFactor;
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
        this.audit = audit;
    }

    private AuthenticationException failed(String typed, String remoteAddress, String why) {
        audit.record(SecurityAudit.typed(typed), "logon-failed", null, AuditEvent.FAILED,
                remoteAddress, why);
        return new AuthenticationException(FAILED);
    }

    @Modified
    void modified(SignInConfig config) {
        configure(config.maxFailures(), Duration.ofMinutes(config.lockMinutes()));
    }

    /** Sets the lockout policy; values below 1 are raised to 1. */
    void configure(int failures, Duration lock) {
        this.maxFailures = Math.max(1, failures);
        this.lockDuration = lock.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : lock;
        LOG.debug("Sign-in locks an account for {} after {} failures", lockDuration, maxFailures);
    }

    @Override
    public Caller authenticate(String username, char[] password, String remoteAddress)
            throws AuthenticationException {
        return authenticate(username, password, null, null, remoteAddress);
    }

    @Override
    public Caller authenticate(String username, char[] password, String otp, String recoveryCode,
            String remoteAddress) throws AuthenticationException {
        if (username == null || password == null || username.isBlank()
                || username.length() > MAX_USERNAME_LENGTH
                || password.length > PasswordRules.MAX_SIGN_IN_LENGTH) {
            hasher.verifyDummy(password == null ? new char[0] : password);
            throw failed(username, remoteAddress, "malformed");
        }
        String name = normaliseUsername(username);
        Optional<UserRow> user = store.findUser(name);
        Optional<UserRow> fromDirectory = directorySignIn(name, password, user, remoteAddress);
        if (fromDirectory.isPresent()) {
            user = fromDirectory;
        }
        if (user.isEmpty()) {
            hasher.verifyDummy(password);
            LOG.debug("Sign-in refused for unknown user name from {}", remoteAddress);
            throw failed(name, remoteAddress, "unknown user name");
        }
        Instant now = clock.instant();
        if (user.get().lockedAt(now)) {
            // the same work and the same answer as a wrong password: a lock reveals nothing
            hasher.verifyDummy(password);
            LOG.debug("Sign-in refused for locked account {} from {}", name, remoteAddress);
            throw failed(name, remoteAddress, "account locked");
        }
        boolean matches = fromDirectory.isPresent()
                || hasher.verify(password, user.get().passwordHash());
        if (!matches) {
            if (store.recordFailedSignIn(name, maxFailures, now.plus(lockDuration))) {
                LOG.info("Account {} locked for {} after {} failed sign-ins, the last from {}",
                        name, lockDuration, maxFailures, remoteAddress);
                throw failed(name, remoteAddress, "wrong password; account now locked");
            }
            LOG.debug("Sign-in refused for {} from {}", name, remoteAddress);
            throw failed(name, remoteAddress, "wrong password");
        }
        if (!user.get().active()) {
            LOG.debug("Sign-in refused for inactive account {} from {}", name, remoteAddress);
            throw failed(name, remoteAddress, "account inactive");
        }
        switch (twoFactor.check(user.get().caller(), otp, recoveryCode, remoteAddress)) {
            case MISSING -> {
                LOG.debug("Sign-in of {} from {} needs a one-time code", name, remoteAddress);
                audit.record(SecurityAudit.typed(name), "logon-failed", null, AuditEvent.FAILED,
                        remoteAddress, "one-time code required");
                throw new OtpRequiredException(OTP_REQUIRED);
            }
            case REFUSED -> {
                if (store.recordFailedSignIn(name, maxFailures, now.plus(lockDuration))) {
                    LOG.info("Account {} locked for {} after {} failed sign-ins, the last from {}",
                            name, lockDuration, maxFailures, remoteAddress);
                    throw failed(name, remoteAddress, "wrong one-time code; account now locked");
                }
                throw failed(name, remoteAddress, "wrong one-time code");
            }
            default -> {
                // no second factor, or a right one
            }
        }
        if (user.get().account().failedSignIns() > 0 || user.get().account().lockedUntil() != null) {
            store.clearFailedSignIns(name);
        }
        audit.record(user.get().caller(), "logon", name, AuditEvent.SUCCESS, remoteAddress, null);
        return withPermissions(user.get().caller());
    }

    @Override
    public Optional<Caller> callerFor(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        Optional<UserRow> user = store.findUser(normaliseUsername(username));
        if (user.isEmpty() || !user.get().active() || user.get().account().lockedAt(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(withPermissions(user.get().caller()));
    }

    /** For tests: permissions are resolved through this catalogue. */
    void useRoles(RoleCatalog catalog) {
        this.roleCatalog = catalog;
    }

    private Caller withPermissions(Caller caller) {
        RoleCatalog catalog = roleCatalog;
        return catalog == null ? caller : catalog.resolve(caller);
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
                csrf, now, expiresAt, truncate(remoteAddress, 64), tokens.newSessionId()));
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
        return Optional.of(new Session(null, row.csrfToken(), withPermissions(user.get().caller()),
                row.expiresAt(), kind));
    }

    @Override
    public void close(String token) {
        if (token != null && !token.isBlank() && token.length() <= Tokens.MAX_TOKEN_LENGTH) {
            String hash = Tokens.hash(token);
            Optional<SessionRow> row = store.findSession(hash);
            store.deleteSession(hash);
            row.ifPresent(r -> audit.record(SecurityAudit.typed(r.username()), "logout",
                    r.username(), AuditEvent.SUCCESS, r.remoteAddress(), r.kind()));
        }
    }

    @Override
    public List<SessionInfo> sessions(Caller caller, String currentToken) {
        if (caller == null || caller.system()) {
            return List.of();
        }
        String currentHash = currentToken == null || currentToken.isBlank()
                || currentToken.length() > Tokens.MAX_TOKEN_LENGTH ? null : Tokens.hash(currentToken);
        Instant now = clock.instant();
        return store.listSessions(caller.username()).stream()
                .filter(row -> row.sessionId() != null)
                .filter(row -> {
                    try {
                        return SessionPolicy.isValid(Session.Kind.valueOf(row.kind()),
                                row.lastSeenAt(), row.expiresAt(), now);
                    } catch (IllegalArgumentException e) {
                        return false;
                    }
                })
                .map(row -> new SessionInfo(row.sessionId(), Session.Kind.valueOf(row.kind()),
                        row.createdAt(), row.lastSeenAt(), row.expiresAt(), row.remoteAddress(),
                        row.tokenHash().equals(currentHash)))
                .toList();
    }

    @Override
    public boolean closeSession(Caller caller, String sessionId) {
        if (caller == null || caller.system() || sessionId == null
                || !Tokens.SESSION_ID.matcher(sessionId).matches()) {
            return false;
        }
        boolean ended = store.deleteSessionById(caller.username(), sessionId);
        if (ended) {
            audit.record(caller, "logout", caller.username(), AuditEvent.SUCCESS, null,
                    "session ended from the list");
        }
        return ended;
    }

    /** The stored hash of directory accounts: not a hash at all, so no password ever matches. */
    static final String DIRECTORY_PASSWORD = "directory:no-local-password";
    /** The answer when the directory cannot be asked: it says nothing about the account. */
    public static final String DIRECTORY_UNAVAILABLE =
            "Sign-in is not available right now because the directory does not answer. "
                    + "Please try again in a few minutes.";

    /** For tests: directory sign-in through {@code ldap} (null: off). */
    void useDirectory(LdapDirectory ldap) {
        this.directory = ldap;
    }

    /**
     * Asks the directory when it is configured and decides for this name: always for directory
     * accounts and unknown names, for Casework's own accounts only in directory-first mode. On
     * success the local account is created or refreshed (name, e-mail, roles and divisions from
     * the groups) and returned, and the caller goes on as after a right password. Empty when the
     * local password is to be checked instead. Failures are counted and audited like local ones.
     */
    private Optional<UserRow> directorySignIn(String name, char[] password, Optional<UserRow> user,
            String remoteAddress) throws AuthenticationException {
        LdapDirectory ldap = directory;
        boolean local = user.isPresent() && !user.get().directory();
        if (ldap == null || (local && ldap.mode() == LdapDirectory.Mode.LOCAL_FIRST)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (user.isPresent() && user.get().lockedAt(now)) {
            // the local lock holds for directory accounts too; the directory is not even asked
            hasher.verifyDummy(password);
            throw failed(name, remoteAddress, "account locked");
        }
        LdapDirectory.Result result;
        try {
            result = ldap.authenticate(name, password);
        } catch (DirectoryUnavailableException e) {
            if (local) {
                // directory-first, yet Casework's own accounts (the first administrator) still work
                LOG.warn("{}; checking the Casework password of {}", e.getMessage(), name);
                return Optional.empty();
            }
            LOG.warn("Directory sign-in of {} from {} failed: {}", name, remoteAddress,
                    e.getMessage());
            audit.record(SecurityAudit.typed(name), "logon-failed", null, AuditEvent.FAILED,
                    remoteAddress, "directory unavailable");
            throw new AuthenticationException(DIRECTORY_UNAVAILABLE);
        }
        switch (result.outcome()) {
            case UNKNOWN_USER -> {
                if (user.isPresent() && user.get().directory()) {
                    hasher.verifyDummy(password);
                    throw failed(name, remoteAddress, "no longer in the directory");
                }
                // a local account (directory-first) or an unknown name: the local path decides
                return Optional.empty();
            }
            case WRONG_PASSWORD -> {
                if (user.isPresent() && store.recordFailedSignIn(name, maxFailures,
                        now.plus(lockDuration))) {
                    LOG.info("Account {} locked for {} after {} failed sign-ins, the last from {}",
                            name, lockDuration, maxFailures, remoteAddress);
                    throw failed(name, remoteAddress, "wrong directory password; account now locked");
                }
                throw failed(name, remoteAddress, "wrong directory password");
            }
            default -> {
                return Optional.of(provision(name, result.user(), local, remoteAddress, now));
            }
        }
    }

    /** Creates or refreshes the local account of a directory user; audits a change of access. */
    private UserRow provision(String name, DirectoryUser found, boolean wasLocal,
            String remoteAddress, Instant now) {
        String fullName = truncate(found.fullName(), 200);
        String email = truncate(found.email(), 254);
        Optional<UserAccount> before;
        try {
            before = store.saveDirectoryUser(name, fullName, email, found.roles(),
                    found.divisions(), DIRECTORY_PASSWORD, now);
        } catch (RuntimeException e) {
            // two first sign-ins at once: the other created the account; refresh it instead
            before = store.saveDirectoryUser(name, fullName, email, found.roles(),
                    found.divisions(), DIRECTORY_PASSWORD, now);
        }
        UserRow row = store.findUser(name).orElseThrow(
                () -> new IllegalStateException("The directory account " + name + " vanished"));
        String roles = String.join(",", new java.util.TreeSet<>(found.roles()));
        String divisions = String.join(",", new java.util.TreeSet<>(found.divisions()));
        if (before.isEmpty()) {
            LOG.info("Directory user {} signed in for the first time, with roles [{}]", name, roles);
            audit.record(row.caller(), "permission-change", name, AuditEvent.SUCCESS, remoteAddress,
                    "account created from the directory with roles " + roles + " and divisions "
                            + divisions);
        } else if (wasLocal) {
            LOG.info("Account {} now signs in through the directory, with roles [{}]", name, roles);
            audit.record(row.caller(), "permission-change", name, AuditEvent.SUCCESS, remoteAddress,
                    "Casework account moved to the directory; roles " + String.join(",",
                            before.get().roles()) + " -> " + roles + "; divisions "
                            + String.join(",", before.get().divisions()) + " -> " + divisions);
        } else if (!before.get().roles().equals(found.roles())
                || !before.get().divisions().equals(found.divisions())) {
            LOG.info("Directory groups of {} changed its roles from [{}] to [{}]", name,
                    String.join(",", before.get().roles()), roles);
            audit.record(row.caller(), "permission-change", name, AuditEvent.SUCCESS, remoteAddress,
                    "roles from the directory: " + String.join(",", before.get().roles()) + " -> "
                            + roles + "; divisions: " + String.join(",", before.get().divisions())
                            + " -> " + divisions);
        }
        return row;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
