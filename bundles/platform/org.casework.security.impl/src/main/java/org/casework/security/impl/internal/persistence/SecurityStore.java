package org.casework.security.impl.internal.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.casework.core.api.ConflictException;
import org.casework.core.api.NotFoundException;
import org.casework.persistence.api.MigratedSchema;
import org.casework.security.api.UserAccount;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.casework.persistence.jpa.TransactionConnection;

/**
 * Reads and writes users and sessions, each call in a JTA transaction of its own (or the caller's,
 * when one is running). Returns detached rows, never entities. Starts only once the bundle's
 * migrations have been applied.
 */
@Component(service = SecurityStore.class)
public class SecurityStore {

    /** The persistence unit of this bundle. */
    public static final String UNIT = "casework-security";

    private final JpaTemplate jpa;

    @Activate
    public SecurityStore(@Reference(target = "(osgi.unit.name=" + UNIT + ")") JpaTemplate jpa,
            @Reference(target = "(" + MigratedSchema.PROPERTY + "=org.casework.security.impl)")
            MigratedSchema schema) {
        this.jpa = jpa;
    }

    private <R> R tx(org.apache.aries.jpa.template.EmFunction<R> work) {
        return jpa.txExpr(TransactionType.Required, em -> work.apply(TransactionConnection.claim(em)));
    }

    public long countUsers() {
        return tx(em -> em.createQuery("SELECT COUNT(u) FROM UserEntity u", Long.class)
                .getSingleResult());
    }

    public Optional<UserRow> findUser(String username) {
        return tx(em -> Optional.ofNullable(em.find(UserEntity.class, username)).map(UserRow::of));
    }

    public List<UserAccount> listUsers(int first, int max) {
        return tx(em -> em.createQuery("SELECT u FROM UserEntity u ORDER BY u.username",
                UserEntity.class).setFirstResult(first).setMaxResults(max).getResultList()
                .stream().map(UserEntity::toAccount).toList());
    }

    /**
     * Stores a new user.
     *
     * @return the stored account, or empty when the user name is taken
     */
    public Optional<UserAccount> insertUser(UserEntity user) {
        return tx(em -> {
            if (em.find(UserEntity.class, user.getUsername()) != null) {
                return Optional.<UserAccount>empty();
            }
            em.persist(user);
            em.flush();
            return Optional.of(user.toAccount());
        });
    }

    /** Replaces a user's password hash and clears the must-change flag. */
    public boolean updatePassword(String username, String passwordHash) {
        return tx(em -> {
            UserEntity user = em.find(UserEntity.class, username);
            if (user == null) {
                return false;
            }
            user.setPasswordHash(passwordHash);
            user.setPasswordChangeRequired(false);
            return true;
        });
    }

    /**
     * Creates or refreshes the account of a user the directory has just accepted: name, e-mail,
     * roles and divisions as the directory gives them, marked as a directory account, with a
     * password hash that never matches. A local account of the same name becomes a directory
     * account. Roles and divisions are written only when they changed, so the version moves only
     * then.
     *
     * @return the account as it was before, empty when it was created now
     */
    public Optional<UserAccount> saveDirectoryUser(String username, String fullName, String email,
            Set<String> roles, Set<String> divisions, String unusableHash, Instant now) {
        return tx(em -> {
            UserEntity user = em.find(UserEntity.class, username);
            if (user == null) {
                UserEntity created = new UserEntity(username, fullName, email, unusableHash, roles,
                        divisions, false, now);
                created.setDirectory(true);
                em.persist(created);
                em.flush();
                return Optional.<UserAccount>empty();
            }
            UserAccount before = user.toAccount();
            if (!user.isDirectory()) {
                user.setDirectory(true);
                user.setPasswordHash(unusableHash);
                user.setPasswordChangeRequired(false);
            }
            if (!Objects.equals(fullName, user.getFullName())) {
                user.setFullName(fullName);
            }
            if (!Objects.equals(email, user.getEmail())) {
                user.setEmail(email);
            }
            if (!roles.equals(Set.copyOf(user.getRoles()))) {
                user.setRoles(roles);
            }
            if (!divisions.equals(Set.copyOf(user.getDivisions()))) {
                user.setDivisions(divisions);
            }
            em.flush();
            return Optional.of(before);
        });
    }

    /**
     * Counts one more failed sign-in; at {@code maxFailures} in a row the account is locked until
     * {@code lockedUntil} and the count starts again. The row lock the first update takes
     * serialises concurrent failures. The version is untouched, so failures never make an
     * administrator's edit stale.
     *
     * @return true when this failure locked the account
     */
    public boolean recordFailedSignIn(String username, int maxFailures, Instant lockedUntil) {
        return tx(em -> {
            int updated = em.createNativeQuery(
                    "UPDATE cw_user SET failed_sign_ins = failed_sign_ins + 1 WHERE username = ?")
                    .setParameter(1, username).executeUpdate();
            if (updated == 0) {
                return false;
            }
            Number failures = (Number) em.createNativeQuery(
                    "SELECT failed_sign_ins FROM cw_user WHERE username = ?")
                    .setParameter(1, username).getSingleResult();
            if (failures.intValue() < maxFailures) {
                return false;
            }
            em.createNativeQuery("UPDATE cw_user SET failed_sign_ins = 0, locked_until = ? "
                    + "WHERE username = ?")
                    .setParameter(1, Timestamp.from(lockedUntil)).setParameter(2, username)
                    .executeUpdate();
            return true;
        });
    }

    /** Forgets failed sign-ins and any lock, after a successful sign-in or a password reset. */
    public void clearFailedSignIns(String username) {
        tx(em -> em.createNativeQuery("UPDATE cw_user SET failed_sign_ins = 0, locked_until = NULL "
                + "WHERE username = ? AND (failed_sign_ins <> 0 OR locked_until IS NOT NULL)")
                .setParameter(1, username).executeUpdate());
    }

    /**
     * Applies an edit to a user if the version still matches, in one transaction.
     *
     * @throws NotFoundException when there is no such user
     * @throws ConflictException when the user changed since {@code expectedVersion}
     */
    public UserAccount updateUser(String username, long expectedVersion, Consumer<UserEntity> edit) {
        return tx(em -> {
            UserEntity user = em.find(UserEntity.class, username);
            if (user == null) {
                throw new NotFoundException("The account");
            }
            if (user.getVersion() != expectedVersion) {
                throw new ConflictException(expectedVersion, user.getVersion());
            }
            edit.accept(user);
            em.flush();
            return user.toAccount();
        });
    }

    /** Sets a temporary password that must be changed at next sign-in, and lifts any lock. */
    public boolean setTemporaryPassword(String username, String passwordHash) {
        return tx(em -> {
            em.createNativeQuery("UPDATE cw_user SET failed_sign_ins = 0, locked_until = NULL "
                    + "WHERE username = ?").setParameter(1, username).executeUpdate();
            UserEntity user = em.find(UserEntity.class, username);
            if (user == null) {
                return false;
            }
            user.setPasswordHash(passwordHash);
            user.setPasswordChangeRequired(true);
            return true;
        });
    }

    /** The user's sessions and API tokens, newest first. */
    public List<SessionRow> listSessions(String username) {
        return tx(em -> em.createQuery("SELECT s FROM SessionEntity s WHERE s.username = :u "
                + "ORDER BY s.createdAt DESC", SessionEntity.class).setParameter("u", username)
                .getResultList().stream().map(SessionRow::of).toList());
    }

    /** Ends the user's session with this opaque id; false when the user has none such. */
    public boolean deleteSessionById(String username, String sessionId) {
        return tx(em -> em.createNativeQuery(
                "DELETE FROM cw_session WHERE username = ? AND session_id = ?")
                .setParameter(1, username).setParameter(2, sessionId).executeUpdate()) > 0;
    }

    public void insertSession(SessionEntity session) {
        jpa.tx(TransactionType.Required, em -> em.persist(session));
    }

    public Optional<SessionRow> findSession(String tokenHash) {
        return tx(em -> Optional.ofNullable(em.find(SessionEntity.class, tokenHash))
                .map(SessionRow::of));
    }

    /** Records that the session was used now. */
    public void touchSession(String tokenHash, Instant now) {
        jpa.tx(TransactionType.Required, em -> {
            SessionEntity s = em.find(SessionEntity.class, tokenHash);
            if (s != null) {
                s.setLastSeenAt(now);
            }
        });
    }

    public void deleteSession(String tokenHash) {
        tx(em -> em.createNativeQuery("DELETE FROM cw_session WHERE token_hash = ?")
                .setParameter(1, tokenHash).executeUpdate());
    }

    /** Ends every session of the user except the one with {@code keepTokenHash} (may be null). */
    public int deleteSessionsOfUser(String username, String keepTokenHash) {
        return tx(em -> keepTokenHash == null
                ? em.createNativeQuery("DELETE FROM cw_session WHERE username = ?")
                        .setParameter(1, username).executeUpdate()
                : em.createNativeQuery(
                        "DELETE FROM cw_session WHERE username = ? AND token_hash <> ?")
                        .setParameter(1, username).setParameter(2, keepTokenHash).executeUpdate());
    }

    /**
     * Removes sessions past their absolute end, and browser sessions idle since before
     * {@code idleCutoff}.
     */
    public int deleteExpiredSessions(Instant now, Instant idleCutoff) {
        return tx(em -> deleteExpired(em, now, idleCutoff));
    }

    /** The user's two-factor state; empty when the user never enrolled or does not exist. */
    public java.util.Optional<TotpRow> findTotp(String username) {
        return tx(em -> {
            List<?> rows = em.createNativeQuery("SELECT totp_secret, totp_state, totp_last_step, "
                    + "totp_recovery FROM cw_user WHERE username = ?")
                    .setParameter(1, username).getResultList();
            if (rows.isEmpty() || ((Object[]) rows.get(0))[0] == null) {
                return Optional.<TotpRow>empty();
            }
            Object[] row = (Object[]) rows.get(0);
            String recovery = (String) row[3];
            List<String> hashes = recovery == null || recovery.isEmpty() ? List.of()
                    : List.of(recovery.split(","));
            return Optional.of(new TotpRow((String) row[0], "ENABLED".equals(row[1]),
                    row[2] == null ? null : ((Number) row[2]).longValue(), hashes, recovery));
        });
    }

    /** Starts (or restarts) an enrolment: pending until confirmed; any earlier one is replaced. */
    public boolean startTotp(String username, String secret, List<String> recoveryHashes) {
        return tx(em -> em.createNativeQuery("UPDATE cw_user SET totp_secret = ?, "
                + "totp_state = 'PENDING', totp_last_step = NULL, totp_recovery = ? "
                + "WHERE username = ?").setParameter(1, secret)
                .setParameter(2, String.join(",", recoveryHashes)).setParameter(3, username)
                .executeUpdate()) > 0;
    }

    /**
     * Replaces the stored TOTP secret, only if it is still {@code expected}: used to encrypt a
     * secret stored in clear by an earlier version.
     */
    public boolean replaceTotpSecret(String username, String expected, String secret) {
        return tx(em -> em.createNativeQuery("UPDATE cw_user SET totp_secret = ? "
                + "WHERE username = ? AND totp_secret = ?").setParameter(1, secret)
                .setParameter(2, username).setParameter(3, expected).executeUpdate()) > 0;
    }

    /** Turns a pending enrolment on. */
    public boolean enableTotp(String username) {
        return tx(em -> em.createNativeQuery("UPDATE cw_user SET totp_state = 'ENABLED' "
                + "WHERE username = ? AND totp_state = 'PENDING'").setParameter(1, username)
                .executeUpdate()) > 0;
    }

    /** Forgets the secret and recovery codes: two-factor sign-in is off. */
    public void clearTotp(String username) {
        tx(em -> em.createNativeQuery("UPDATE cw_user SET totp_secret = NULL, totp_state = NULL, "
                + "totp_last_step = NULL, totp_recovery = NULL WHERE username = ?")
                .setParameter(1, username).executeUpdate());
    }

    /**
     * Marks a time step used, only if it is later than the last one: of two concurrent sign-ins
     * with the same code, exactly one wins.
     */
    public boolean useTotpStep(String username, long step) {
        return tx(em -> em.createNativeQuery("UPDATE cw_user SET totp_last_step = ? "
                + "WHERE username = ? AND (totp_last_step IS NULL OR totp_last_step < ?)")
                .setParameter(1, step).setParameter(2, username).setParameter(3, step)
                .executeUpdate()) > 0;
    }

    /**
     * Replaces the remaining recovery codes, only if they are still {@code expected}: a code is
     * spent once even by concurrent sign-ins.
     */
    public boolean replaceRecoveryCodes(String username, String expected, List<String> remaining) {
        return tx(em -> em.createNativeQuery("UPDATE cw_user SET totp_recovery = ? "
                + "WHERE username = ? AND totp_recovery = ?")
                .setParameter(1, String.join(",", remaining)).setParameter(2, username)
                .setParameter(3, expected).executeUpdate()) > 0;
    }

    private static int deleteExpired(EntityManager em, Instant now, Instant idleCutoff) {
        return em.createNativeQuery("DELETE FROM cw_session WHERE expires_at < ? "
                + "OR (kind = 'BROWSER' AND last_seen_at < ?)")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, Timestamp.from(idleCutoff))
                .executeUpdate();
    }
}
