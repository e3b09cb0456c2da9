package org.casework.security.impl.internal.service;

import org.casework.security.impl.internal.roles.RoleCatalog;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferenceCardinality;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import org.casework.audit.api.AuditEvent;
import org.casework.core.api.Caller;
import org.casework.core.api.CaseworkException;
import org.casework.core.api.FieldError;
import org.casework.core.api.ValidationException;
import org.casework.security.impl.internal.crypto.SecretBox;
import org.casework.security.impl.internal.crypto.SecretUnreadableException;
import org.casework.security.impl.internal.persistence.SecurityStore;
import org.casework.security.impl.internal.persistence.TotpRow;
import org.casework.security.impl.internal.totp.Totp;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two-factor sign-in (RFC 6238 TOTP with single-use recovery codes): enrolment, confirmation,
 * turning it off, and checking the second factor during sign-in. The TOTP secret is stored
 * encrypted ({@link SecretBox}, bound to the user name); a secret stored in clear by an earlier
 * version is encrypted the first time it is used.
 */
@Component(service = TwoFactorService.class, configurationPid = SignInConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class TwoFactorService {

    private static final Logger LOG = LoggerFactory.getLogger(TwoFactorService.class);
    /** How many recovery codes an enrolment hands out. */
    public static final int RECOVERY_CODES = 10;
    static final String ISSUER = "Casework";

    /** The outcome of checking the second factor of a sign-in. */
    public enum Check {
        /** The account has two-factor sign-in off: the password is enough. */
        NOT_ENABLED,
        /** The account needs a code and none was given. */
        MISSING,
        /** A fresh, right code or an unused recovery code. */
        ACCEPTED,
        /** A wrong, stale or already used code. */
        REFUSED
    }

    /** What a new enrolment shows the user, once. */
    public record Enrolment(String secret, String otpauthUri, List<String> recoveryCodes) {
    }

    private final SecurityStore store;
    private final Clock clock;
    private final SecurityAudit audit;
    private final SecretBox box;
    private final Totp totp = new Totp();
    private volatile boolean enforced;

    /** Roles flagged "two-factor required" in their data count as well as the configured list. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RoleCatalog roleCatalog;
    private volatile Set<String> requiredRoles = Set.of();

    @Activate
    public TwoFactorService(@Reference SecurityStore store, @Reference SecurityAudit audit,
            @Reference SecretBox box, SignInConfig config) {
        this(store, Clock.systemUTC(), audit, box);
        modified(config);
    }

    /** For tests: secrets sealed with a key that lives only in this instance. */
    TwoFactorService(SecurityStore store, Clock clock, SecurityAudit audit) {
        this(store, clock, audit, SecretBox.ephemeral());
    }

    TwoFactorService(SecurityStore store, Clock clock, SecurityAudit audit, SecretBox box) {
        this.store = store;
        this.clock = clock;
        this.audit = audit;
        this.box = box;
    }

    /** What the stored secret is bound to: a value copied to another user's row does not open. */
    private static String context(String username) {
        return "cw_user.totp_secret:" + username;
    }

    @Modified
    void modified(SignInConfig config) {
        configure(config.totpEnforced(), config.totpRequiredRoles());
    }

    /** Sets whether the listed roles must keep two-factor sign-in on. */
    void configure(boolean enforce, String roles) {
        this.enforced = enforce;
        this.requiredRoles = Arrays.stream(roles == null ? new String[0] : roles.split(","))
                .map(r -> r.strip().toLowerCase(Locale.ROOT)).filter(r -> !r.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        LOG.debug("Two-factor sign-in required: {} for roles {}", enforce, requiredRoles);
    }

    /** Whether the caller's roles oblige them to keep two-factor sign-in on. */
    public boolean required(Caller caller) {
        if (!enforced) {
            return false;
        }
        Set<String> listed = requiredRoles;
        if (!listed.isEmpty()) {
            // an operator's explicit list wins over the roles' own flags
            return caller.roles().stream().anyMatch(r -> listed.contains(r.toLowerCase(Locale.ROOT)));
        }
        RoleCatalog catalog = roleCatalog;
        return catalog != null && catalog.twoFactorRequired(caller);
    }


    /** Whether the user has confirmed two-factor sign-in. */
    public boolean enabled(String username) {
        return store.findTotp(username).map(TotpRow::enabled).orElse(false);
    }

    /**
     * Starts an enrolment: a new secret and recovery codes, shown only in the answer. It stays
     * pending, and sign-in unchanged, until {@link #confirm} gets a right code.
     */
    public Enrolment enrol(Caller caller, String remoteAddress) {
        requirePerson(caller);
        if (enabled(caller.username())) {
            throw new CaseworkException(409, "totp-enabled",
                    "Two-factor sign-in is already on. Turn it off first to set up a new device.",
                    List.of());
        }
        String secret = totp.newSecret();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            codes.add(totp.newRecoveryCode());
        }
        store.startTotp(caller.username(), box.seal(secret, context(caller.username())),
                codes.stream().map(Totp::hashRecoveryCode).toList());
        audit.record(caller, "totp-enrol", caller.username(), AuditEvent.SUCCESS, remoteAddress,
                null);
        return new Enrolment(secret, Totp.otpauthUri(ISSUER, caller.username(), secret),
                List.copyOf(codes));
    }

    /** Turns a pending enrolment on when {@code code} is a right, fresh code. */
    public void confirm(Caller caller, String code, String remoteAddress) {
        requirePerson(caller);
        Optional<TotpRow> row = store.findTotp(caller.username());
        if (row.isEmpty() || row.get().enabled()) {
            throw new CaseworkException(409, "totp-not-pending",
                    "There is no two-factor set-up waiting to be confirmed.", List.of());
        }
        if (!useCode(caller.username(), row.get(), code)) {
            audit.record(caller, "otp-failed", caller.username(), AuditEvent.FAILED, remoteAddress,
                    "confirming two-factor sign-in");
            throw wrongCode();
        }
        store.enableTotp(caller.username());
        audit.record(caller, "totp-confirm", caller.username(), AuditEvent.SUCCESS, remoteAddress,
                null);
    }

    /** Turns two-factor sign-in off, given a right code, unless the caller's role requires it. */
    public void disable(Caller caller, String code, String remoteAddress) {
        requirePerson(caller);
        Optional<TotpRow> row = store.findTotp(caller.username());
        if (row.isEmpty()) {
            throw new CaseworkException(409, "totp-not-enabled",
                    "Two-factor sign-in is not on.", List.of());
        }
        if (row.get().enabled() && required(caller)) {
            throw new CaseworkException(403, "totp-required",
                    "Your role requires two-factor sign-in, so it cannot be turned off.",
                    List.of());
        }
        if (row.get().enabled() && !useCode(caller.username(), row.get(), code)) {
            audit.record(caller, "otp-failed", caller.username(), AuditEvent.FAILED, remoteAddress,
                    "turning two-factor sign-in off");
            throw wrongCode();
        }
        store.clearTotp(caller.username());
        audit.record(caller, "totp-disable", caller.username(), AuditEvent.SUCCESS, remoteAddress,
                null);
    }

    /**
     * Checks the second factor of a sign-in whose password was right. Spends the code: the same
     * one-time code or recovery code is refused afterwards.
     */
    public Check check(Caller caller, String otp, String recoveryCode, String remoteAddress) {
        Optional<TotpRow> row = store.findTotp(caller.username());
        if (row.isEmpty() || !row.get().enabled()) {
            return Check.NOT_ENABLED;
        }
        boolean hasOtp = otp != null && !otp.isBlank();
        boolean hasRecovery = recoveryCode != null && !recoveryCode.isBlank();
        if (!hasOtp && !hasRecovery) {
            return Check.MISSING;
        }
        if (hasOtp && useCode(caller.username(), row.get(), otp)) {
            return Check.ACCEPTED;
        }
        if (!hasOtp && useRecoveryCode(caller.username(), row.get(), recoveryCode)) {
            audit.record(caller, "recovery-code-used", caller.username(), AuditEvent.SUCCESS,
                    remoteAddress, (row.get().recoveryHashes().size() - 1) + " left");
            return Check.ACCEPTED;
        }
        audit.record(caller, "otp-failed", caller.username(), AuditEvent.FAILED, remoteAddress,
                hasOtp ? "wrong or reused one-time code" : "wrong or used recovery code");
        return Check.REFUSED;
    }

    private boolean useCode(String username, TotpRow row, String code) {
        String secret = secret(username, row);
        if (secret == null) {
            return false;
        }
        OptionalLong step = Totp.verify(secret, code, clock.instant(), row.lastStep());
        return step.isPresent() && store.useTotpStep(username, step.getAsLong());
    }

    /**
     * The clear secret of the row, or null when it cannot be decrypted. A legacy clear value is
     * encrypted in place now, only if nobody changed it meanwhile.
     */
    private String secret(String username, TotpRow row) {
        String stored = row.secret();
        if (!SecretBox.isSealed(stored)) {
            if (store.replaceTotpSecret(username, stored, box.seal(stored, context(username)))) {
                LOG.info("Encrypted the two-factor secret of {}, stored in clear before", username);
            }
            return stored;
        }
        try {
            return box.open(stored, context(username));
        } catch (SecretUnreadableException e) {
            // every code of this user fails until an operator restores the key or the user re-enrols
            LOG.error("The two-factor secret of {} cannot be decrypted ({}): check that the "
                    + "secrets key is the one it was stored with", username, e.getMessage());
            return null;
        }
    }

    private boolean useRecoveryCode(String username, TotpRow row, String code) {
        if (code.length() > 64) {
            return false;
        }
        String hash = Totp.hashRecoveryCode(code);
        List<String> remaining = new ArrayList<>(row.recoveryHashes());
        if (!remaining.remove(hash)) {
            return false;
        }
        return store.replaceRecoveryCodes(username, row.recoveryColumn(), remaining);
    }

    private static void requirePerson(Caller caller) {
        if (caller == null || caller.system()) {
            throw new CaseworkException(403, "forbidden",
                    "Only a person signed in with their own account can do this.", List.of());
        }
    }

    private static ValidationException wrongCode() {
        return new ValidationException(List.of(new FieldError("code", "invalid",
                "The code is not right. Enter the six digits your authenticator app shows now.")));
    }
}
