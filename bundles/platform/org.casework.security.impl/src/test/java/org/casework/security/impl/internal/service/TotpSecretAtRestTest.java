package org.casework.security.impl.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.casework.core.api.Caller;
import org.casework.core.api.ValidationException;
import org.casework.security.api.AuthenticationException;
import org.casework.security.api.NewUser;
import org.casework.security.impl.internal.crypto.SecretBox;
import org.casework.security.impl.internal.password.PasswordHasher;
import org.casework.security.impl.internal.persistence.DerbyJpa;
import org.casework.security.impl.internal.persistence.SecurityStore;
import org.casework.security.impl.internal.totp.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The TOTP secret is stored encrypted; a clear one from before is encrypted at first use. */
class TotpSecretAtRestTest {

    private static final Caller ADMIN = new Caller("admin", "Admin", Set.of("admin"), Set.of(),
            false, false);
    private static final String PASSWORD = "violet tractor lamp";

    private DerbyJpa db;
    private SecurityStore store;
    private SecurityServicesTest.ManualClock clock;
    private PasswordHasher hasher;
    private SecurityAudit hook;
    private SecretBox box;
    private TwoFactorService twoFactor;
    private AuthenticationServiceImpl auth;
    private Caller sam;

    @BeforeEach
    void setUp() throws Exception {
        db = new DerbyJpa();
        store = new SecurityStore(db, DerbyJpa.schema());
        clock = new SecurityServicesTest.ManualClock();
        hasher = new PasswordHasher(1_000);
        hook = new SecurityAudit(null);
        box = SecretBox.ephemeral();
        twoFactor = new TwoFactorService(store, clock, hook, box);
        auth = new AuthenticationServiceImpl(store, hasher, clock, hook, twoFactor);
        auth.configure(5, Duration.ofMinutes(15));
        new UserServiceImpl(store, hasher, clock, hook).create(ADMIN,
                new NewUser("sam", "Sam", null, Set.of("staff"), Set.of(), PASSWORD));
        sam = auth.authenticate("sam", PASSWORD.toCharArray(), null);
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    private String stored() throws Exception {
        try (PreparedStatement st = db.connection().prepareStatement(
                "SELECT totp_secret FROM cw_user WHERE username = ?")) {
            st.setString(1, "sam");
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private void store(String value) throws Exception {
        try (PreparedStatement st = db.connection().prepareStatement(
                "UPDATE cw_user SET totp_secret = ? WHERE username = ?")) {
            st.setString(1, value);
            st.setString(2, "sam");
            st.executeUpdate();
        }
    }

    private String code(String secret, long offset) {
        return Totp.code(Totp.base32Decode(secret), Totp.step(clock.instant()) + offset, 6);
    }

    private Caller signIn(String otp) throws AuthenticationException {
        return auth.authenticate("sam", PASSWORD.toCharArray(), otp, null, "10.0.0.1");
    }

    @Test
    void theSecretIsStoredEncryptedAndStillWorks() throws Exception {
        TwoFactorService.Enrolment e = twoFactor.enrol(sam, null);
        String stored = stored();
        assertTrue(stored.startsWith("v1:"), stored);
        assertFalse(stored.contains(e.secret()));
        assertEquals(e.secret(), box.open(stored, "cw_user.totp_secret:sam"));
        twoFactor.confirm(sam, code(e.secret(), -1), null);
        assertEquals("sam", signIn(code(e.secret(), 0)).username());
    }

    @Test
    void aClearSecretFromBeforeIsEncryptedAtFirstUse() throws Exception {
        String secret = new Totp().newSecret();
        store.startTotp("sam", secret, List.of());
        store.enableTotp("sam");
        assertEquals(secret, stored());
        assertEquals("sam", signIn(code(secret, 0)).username());
        String stored = stored();
        assertTrue(stored.startsWith("v1:"), stored);
        assertEquals(secret, box.open(stored, "cw_user.totp_secret:sam"));
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        assertEquals("sam", signIn(code(secret, 0)).username());
    }

    @Test
    void aChangedStoredSecretRefusesEveryCode() throws Exception {
        TwoFactorService.Enrolment e = twoFactor.enrol(sam, null);
        twoFactor.confirm(sam, code(e.secret(), -1), null);
        String stored = stored();
        char last = stored.charAt(stored.length() - 1);
        store(stored.substring(0, stored.length() - 1) + (last == 'A' ? 'B' : 'A'));
        assertThrows(AuthenticationException.class, () -> signIn(code(e.secret(), 0)));
    }

    @Test
    void aSecretSealedWithAnotherKeyRefusesEveryCode() throws Exception {
        TwoFactorService.Enrolment e = twoFactor.enrol(sam, null);
        TwoFactorService otherKey = new TwoFactorService(store, clock, hook, SecretBox.ephemeral());
        assertThrows(ValidationException.class,
                () -> otherKey.confirm(sam, code(e.secret(), 0), null));
        twoFactor.confirm(sam, code(e.secret(), 0), null);
        AuthenticationServiceImpl otherAuth = new AuthenticationServiceImpl(store, hasher, clock,
                hook, otherKey);
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        assertThrows(AuthenticationException.class, () -> otherAuth.authenticate("sam",
                PASSWORD.toCharArray(), code(e.secret(), 0), null, null));
    }

    @Test
    void aSecretCopiedFromAnotherUserDoesNotOpen() throws Exception {
        new UserServiceImpl(store, hasher, clock, hook).create(ADMIN,
                new NewUser("eve", "Eve", null, Set.of("staff"), Set.of(), PASSWORD));
        Caller eve = auth.authenticate("eve", PASSWORD.toCharArray(), null);
        TwoFactorService.Enrolment evesOwn = twoFactor.enrol(eve, null);
        twoFactor.confirm(eve, code(evesOwn.secret(), -1), null);
        TwoFactorService.Enrolment e = twoFactor.enrol(sam, null);
        twoFactor.confirm(sam, code(e.secret(), -1), null);
        String samsSealed = stored();
        try (PreparedStatement st = db.connection().prepareStatement(
                "UPDATE cw_user SET totp_secret = ? WHERE username = 'eve'")) {
            st.setString(1, samsSealed);
            st.executeUpdate();
        }
        assertThrows(AuthenticationException.class, () -> auth.authenticate("eve",
                PASSWORD.toCharArray(), code(e.secret(), 0), null, null));
    }
}
