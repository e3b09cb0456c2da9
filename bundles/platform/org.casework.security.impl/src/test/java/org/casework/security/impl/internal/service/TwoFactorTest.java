package org.casework.security.impl.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.casework.audit.api.AuditEntry;
import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.AuditPage;
import org.casework.audit.api.AuditQuery;
import org.casework.audit.api.AuditService;
import org.casework.audit.api.Verification;
import org.casework.core.api.Caller;
import org.casework.core.api.CaseworkException;
import org.casework.core.api.ValidationException;
import org.casework.security.api.AuthenticationException;
import org.casework.security.api.NewUser;
import org.casework.security.api.OtpRequiredException;
import org.casework.security.impl.internal.password.PasswordHasher;
import org.casework.security.impl.internal.persistence.DerbyJpa;
import org.casework.security.impl.internal.persistence.SecurityStore;
import org.casework.security.impl.internal.totp.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Enrolment, sign-in with a second factor, replay, recovery codes and lockout, on Derby. */
class TwoFactorTest {

    private static final Caller ADMIN = new Caller("admin", "Admin", Set.of("admin"), Set.of(),
            false, false);
    private static final String PASSWORD = "violet tractor lamp";

    private final List<String> audited = new ArrayList<>();
    private final AuditService recorder = new AuditService() {
        @Override
        public void record(Caller caller, AuditEvent event) {
            audited.add(caller.username() + " " + event.action() + " " + event.outcome());
        }

        @Override
        public AuditPage search(AuditQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AuditEntry> history(String recordType, String recordId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Verification verify() {
            throw new UnsupportedOperationException();
        }
    };

    private DerbyJpa db;
    private SecurityServicesTest.ManualClock clock;
    private AuthenticationServiceImpl auth;
    private TwoFactorService twoFactor;
    private Caller sam;

    @BeforeEach
    void setUp() throws Exception {
        db = new DerbyJpa();
        SecurityStore store = new SecurityStore(db, DerbyJpa.schema());
        clock = new SecurityServicesTest.ManualClock();
        PasswordHasher hasher = new PasswordHasher(1_000);
        SecurityAudit hook = new SecurityAudit(recorder);
        twoFactor = new TwoFactorService(store, clock, hook);
        auth = new AuthenticationServiceImpl(store, hasher, clock, hook, twoFactor);
        auth.configure(5, Duration.ofMinutes(15));
        UserServiceImpl users = new UserServiceImpl(store, hasher, clock, hook);
        users.create(ADMIN, new NewUser("sam", "Sam", null, Set.of("admin"), Set.of(), PASSWORD));
        sam = auth.authenticate("sam", PASSWORD.toCharArray(), null);
        audited.clear();
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    private String code(String secret, long stepOffset) {
        return Totp.code(Totp.base32Decode(secret), Totp.step(clock.instant()) + stepOffset, 6);
    }

    private Caller signIn(String otp, String recovery) throws AuthenticationException {
        return auth.authenticate("sam", PASSWORD.toCharArray(), otp, recovery, "10.0.0.1");
    }

    private TwoFactorService.Enrolment enrolAndConfirm() {
        TwoFactorService.Enrolment e = twoFactor.enrol(sam, null);
        twoFactor.confirm(sam, code(e.secret(), -1), null);
        return e;
    }

    @Test
    void aPendingEnrolmentChangesNothingUntilConfirmed() throws Exception {
        TwoFactorService.Enrolment e = twoFactor.enrol(sam, null);
        assertEquals(10, e.recoveryCodes().size());
        assertEquals(32, e.secret().length());
        assertEquals("sam", signIn(null, null).username());
        assertThrows(ValidationException.class, () -> twoFactor.confirm(sam, "000000", null));
        twoFactor.confirm(sam, code(e.secret(), 0), null);
        assertTrue(twoFactor.enabled("sam"));
        assertThrows(CaseworkException.class, () -> twoFactor.enrol(sam, null));
        assertEquals(List.of("sam totp-enrol success", "sam logon success", "sam otp-failed failed",
                "sam totp-confirm success"), audited);
    }

    @Test
    void signInNeedsAFreshCodeOnceEnabled() throws Exception {
        TwoFactorService.Enrolment e = enrolAndConfirm();
        assertThrows(OtpRequiredException.class, () -> signIn(null, null));
        assertThrows(OtpRequiredException.class,
                () -> auth.authenticate("sam", PASSWORD.toCharArray(), "10.0.0.1"));
        String now = code(e.secret(), 0);
        assertEquals("sam", signIn(now, null).username());
        AuthenticationException replay = assertThrows(AuthenticationException.class,
                () -> signIn(now, null));
        assertFalse(replay instanceof OtpRequiredException);
        // the code confirming the enrolment was for the step before: used up as well
        assertThrows(AuthenticationException.class, () -> signIn(code(e.secret(), -1), null));
        clock.advance(Duration.ofSeconds(30));
        assertEquals("sam", signIn(code(e.secret(), 0), null).username());
        clock.advance(Duration.ofSeconds(90));
        String stale = code(e.secret(), -2);
        assertThrows(AuthenticationException.class, () -> signIn(stale, null));
        assertTrue(audited.contains("sam otp-failed failed"), audited.toString());
    }

    @Test
    void eachRecoveryCodeWorksOnce() throws Exception {
        TwoFactorService.Enrolment e = enrolAndConfirm();
        String recovery = e.recoveryCodes().get(3);
        assertEquals("sam", signIn(null, recovery.toUpperCase()).username());
        assertThrows(AuthenticationException.class, () -> signIn(null, recovery));
        assertEquals("sam", signIn(null, e.recoveryCodes().get(4)).username());
        assertThrows(AuthenticationException.class, () -> signIn(null, "aaaaa-bbbbb"));
        assertTrue(audited.contains("sam recovery-code-used success"), audited.toString());
    }

    @Test
    void wrongCodesCountTowardsTheLock() throws Exception {
        TwoFactorService.Enrolment e = enrolAndConfirm();
        for (int i = 0; i < 5; i++) {
            assertThrows(AuthenticationException.class, () -> signIn("000000", null));
        }
        String right = code(e.secret(), 0);
        AuthenticationException locked = assertThrows(AuthenticationException.class,
                () -> signIn(right, null));
        assertFalse(locked instanceof OtpRequiredException);
    }

    @Test
    void disablingNeedsACodeAndIsRefusedWhileTheRoleRequiresIt() throws Exception {
        TwoFactorService.Enrolment e = enrolAndConfirm();
        twoFactor.configure(true, "admin, external");
        assertTrue(twoFactor.required(sam));
        CaseworkException refused = assertThrows(CaseworkException.class,
                () -> twoFactor.disable(sam, code(e.secret(), 0), null));
        assertEquals(403, refused.status());
        twoFactor.configure(false, "admin,external");
        assertThrows(ValidationException.class, () -> twoFactor.disable(sam, "123456", null));
        twoFactor.disable(sam, code(e.secret(), 0), null);
        assertFalse(twoFactor.enabled("sam"));
        assertEquals("sam", signIn(null, null).username());
        assertTrue(audited.contains("sam totp-disable success"), audited.toString());
    }
}
