package org.casework.security.impl.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.Statement;
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
import org.casework.core.api.ConflictException;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.ValidationException;
import org.casework.security.api.AccountChange;
import org.casework.security.api.AuthenticationException;
import org.casework.security.api.NewUser;
import org.casework.security.api.Session;
import org.casework.security.api.SessionInfo;
import org.casework.security.api.UserAccount;
import org.casework.security.impl.internal.password.PasswordHasher;
import org.casework.security.impl.internal.persistence.DerbyJpa;
import org.casework.security.impl.internal.persistence.SecurityStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lockout, account edits, password resets, the helpdesk role and own sessions, on Derby. */
class SignInHardeningTest {

    private static final Caller ADMIN = new Caller("admin", "Admin", Set.of("admin"), Set.of(),
            false, false);
    private static final Caller HELPDESK = new Caller("hd", "Help", Set.of("helpdesk"), Set.of(),
            false, false);
    private static final String PASSWORD = "violet tractor lamp";

    /** What the audit hook passed on, as "actor action recordId outcome". */
    private final List<String> audited = new ArrayList<>();
    private final List<AuditEvent> events = new ArrayList<>();

    private final AuditService recorder = new AuditService() {
        @Override
        public void record(Caller caller, AuditEvent event) {
            audited.add(caller.username() + " " + event.action() + " " + event.recordId() + " "
                    + event.outcome());
            events.add(event);
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
    private UserServiceImpl users;

    @BeforeEach
    void setUp() throws Exception {
        db = new DerbyJpa();
        SecurityStore store = new SecurityStore(db, DerbyJpa.schema());
        clock = new SecurityServicesTest.ManualClock();
        PasswordHasher hasher = new PasswordHasher(1_000);
        SecurityAudit hook = new SecurityAudit(recorder);
        auth = new AuthenticationServiceImpl(store, hasher, clock, hook);
        auth.configure(5, Duration.ofMinutes(15));
        users = new UserServiceImpl(store, hasher, clock, hook);
        users.create(ADMIN, new NewUser("sam", "Sam", null, Set.of("staff"), Set.of(), PASSWORD));
        audited.clear();
        events.clear();
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    private void fail(String password) {
        assertThrows(AuthenticationException.class,
                () -> auth.authenticate("sam", password.toCharArray(), "10.1.1.1"));
    }

    private UserAccount sam() {
        return users.find(ADMIN, "sam").orElseThrow();
    }

    @Test
    void fiveFailuresLockForFifteenMinutesWithTheSameAnswer() throws Exception {
        for (int i = 0; i < 4; i++) {
            fail("not the password");
        }
        assertEquals(4, sam().failedSignIns());
        AuthenticationException fifth = assertThrows(AuthenticationException.class,
                () -> auth.authenticate("sam", "not the password".toCharArray(), null));
        assertEquals(clock.now.plus(Duration.ofMinutes(15)), sam().lockedUntil());
        assertTrue(sam().lockedAt(clock.now));
        long version = sam().version();

        AuthenticationException locked = assertThrows(AuthenticationException.class,
                () -> auth.authenticate("sam", PASSWORD.toCharArray(), null));
        assertEquals(fifth.getMessage(), locked.getMessage(), "a lock is not revealed");
        clock.advance(Duration.ofMinutes(14));
        fail(PASSWORD);
        clock.advance(Duration.ofMinutes(1));
        assertEquals("sam", auth.authenticate("sam", PASSWORD.toCharArray(), null).username());
        assertEquals(0, sam().failedSignIns());
        assertNull(sam().lockedUntil());
        assertEquals(version, sam().version(), "failures never make an admin's edit stale");
    }

    @Test
    void successResetsTheCount() throws Exception {
        for (int i = 0; i < 4; i++) {
            fail("not the password");
        }
        auth.authenticate("sam", PASSWORD.toCharArray(), null);
        for (int i = 0; i < 4; i++) {
            fail("not the password");
        }
        assertEquals(PASSWORD.length() > 0, auth.authenticate("sam", PASSWORD.toCharArray(), null) != null);
    }

    @Test
    void theLimitsAreConfigurable() {
        auth.configure(2, Duration.ofMinutes(1));
        fail("not the password");
        fail("not the password");
        fail(PASSWORD);
        clock.advance(Duration.ofMinutes(1));
        assertEquals("sam", assertDoesNotFail());
    }

    private String assertDoesNotFail() {
        try {
            return auth.authenticate("sam", PASSWORD.toCharArray(), null).username();
        } catch (AuthenticationException e) {
            throw new AssertionError("sign-in refused", e);
        }
    }

    @Test
    void editsAreVersionedAndDeactivationEndsSessions() throws Exception {
        Caller sam = auth.authenticate("sam", PASSWORD.toCharArray(), null);
        Session browser = auth.openSession(sam, Session.Kind.BROWSER, null);
        Session api = auth.openSession(sam, Session.Kind.API, null);
        UserAccount before = sam();

        UserAccount renamed = users.update(ADMIN, "sam", new AccountChange(before.version(),
                "Samuel", null, Set.of("staff", "analyst"), null, null));
        assertEquals("Samuel", renamed.fullName());
        assertEquals(Set.of("staff", "analyst"), renamed.roles());
        assertThrows(ConflictException.class, () -> users.update(ADMIN, "sam",
                new AccountChange(before.version(), "Stale", null, null, null, null)));
        assertEquals(Set.of("version:required"), rules(assertThrows(ValidationException.class,
                () -> users.update(ADMIN, "sam", new AccountChange(null, "x", null, null, null, null)))));

        assertTrue(auth.resolve(api.token()).isPresent());
        users.update(ADMIN, "sam", new AccountChange(renamed.version(), null, null, null, null, false));
        assertTrue(auth.resolve(browser.token()).isEmpty());
        assertTrue(auth.resolve(api.token()).isEmpty());
        try (Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM cw_session")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the sessions are gone, not just refused");
        }
    }

    private static Set<String> rules(ValidationException e) {
        return Set.copyOf(e.errors().stream().map(f -> f.field() + ":" + f.rule()).toList());
    }

    @Test
    void nobodyRaisesTheirOwnRole() throws Exception {
        Caller sam = auth.authenticate("sam", PASSWORD.toCharArray(), null);
        long version = sam().version();
        assertThrows(ForbiddenException.class, () -> users.update(sam, "sam",
                new AccountChange(version, null, null, Set.of("staff", "admin"), null, null)));
        assertEquals(Set.of("staff"), sam().roles());
        // own name and e-mail are fine, and sending the unchanged roles too
        assertEquals("Sam S.", users.update(sam, "sam", new AccountChange(version, "Sam S.",
                "sam@example.org", Set.of("staff"), null, null)).fullName());

        users.create(ADMIN, new NewUser("boss", null, null, Set.of("admin"), Set.of(), PASSWORD));
        Caller boss = new Caller("boss", "Boss", Set.of("admin"), Set.of(), false, false);
        long bossVersion = users.find(ADMIN, "boss").orElseThrow().version();
        assertThrows(ForbiddenException.class, () -> users.update(boss, "boss",
                new AccountChange(bossVersion, null, null, Set.of("admin", "auditor"), null, null)));
        assertThrows(ForbiddenException.class, () -> users.update(boss, "boss",
                new AccountChange(bossVersion, null, null, null, null, false)));
        assertThrows(ForbiddenException.class, () -> users.update(sam, "boss",
                new AccountChange(bossVersion, "x", null, null, null, null)));
    }

    @Test
    void helpdeskCreatesUsersAndResetsPasswordsOnly() throws Exception {
        UserAccount made = users.create(HELPDESK, new NewUser("newbie", null, null, Set.of("staff"),
                Set.of(), PASSWORD));
        assertEquals(Set.of("staff"), made.roles());
        assertThrows(ForbiddenException.class, () -> users.create(HELPDESK, new NewUser("root2",
                null, null, Set.of("admin"), Set.of(), PASSWORD)));
        assertThrows(ForbiddenException.class, () -> users.update(HELPDESK, "newbie",
                new AccountChange(made.version(), null, null, Set.of("analyst"), null, null)));
        assertThrows(ForbiddenException.class, () -> users.update(HELPDESK, "newbie",
                new AccountChange(made.version(), null, null, null, null, false)));
        assertThrows(ForbiddenException.class, () -> users.list(HELPDESK, 0, 10));
        users.create(ADMIN, new NewUser("boss", null, null, Set.of("admin"), Set.of(), PASSWORD));
        assertThrows(ForbiddenException.class, () -> users.resetPassword(HELPDESK, "boss"));

        for (int i = 0; i < 5; i++) {
            fail("not the password");
        }
        Caller sam = new Caller("sam", "Sam", Set.of("staff"), Set.of(), false, false);
        Session open = auth.openSession(sam, Session.Kind.API, null);
        String temporary = users.resetPassword(HELPDESK, "sam");
        assertTrue(temporary.length() >= 12);
        assertTrue(auth.resolve(open.token()).isEmpty(), "a reset ends the sessions");
        Caller signedIn = auth.authenticate("sam", temporary.toCharArray(), null);
        assertTrue(signedIn.passwordChangeRequired(), "the reset lifted the lock");
        assertThrows(ForbiddenException.class, () -> users.resetPassword(sam, "newbie"));
    }

    @Test
    void usersSeeAndEndTheirOwnSessionsOnly() throws Exception {
        Caller sam = auth.authenticate("sam", PASSWORD.toCharArray(), null);
        Session first = auth.openSession(sam, Session.Kind.BROWSER, "10.0.0.1");
        clock.advance(Duration.ofMinutes(1));
        Session second = auth.openSession(sam, Session.Kind.API, "10.0.0.2");
        Caller admin = auth.authenticate("sam", PASSWORD.toCharArray(), null);
        users.create(ADMIN, new NewUser("ann", null, null, Set.of("staff"), Set.of(), PASSWORD));
        Caller ann = auth.authenticate("ann", PASSWORD.toCharArray(), null);
        auth.openSession(ann, Session.Kind.API, null);

        List<SessionInfo> mine = auth.sessions(admin, first.token());
        assertEquals(2, mine.size());
        assertEquals(Session.Kind.API, mine.get(0).kind(), "newest first");
        assertEquals("10.0.0.2", mine.get(0).remoteAddress());
        assertFalse(mine.get(0).current());
        assertTrue(mine.get(1).current());
        assertNotEquals(mine.get(0).id(), mine.get(1).id());
        assertEquals(32, mine.get(0).id().length());

        assertFalse(auth.closeSession(ann, mine.get(0).id()), "not ann's");
        assertFalse(auth.closeSession(sam, "not-an-id"));
        assertTrue(auth.resolve(second.token()).isPresent());
        assertTrue(auth.closeSession(sam, mine.get(0).id()));
        assertTrue(auth.resolve(second.token()).isEmpty());
        assertTrue(auth.resolve(first.token()).isPresent());
        assertEquals(1, auth.sessions(sam, null).size());
    }

    @Test
    void signInsRoleChangesAndRefusalsAreAudited() throws Exception {
        fail("not the password");
        assertThrows(AuthenticationException.class,
                () -> auth.authenticate("", "x".toCharArray(), "10.1.1.2"));
        Caller sam = auth.authenticate("sam", PASSWORD.toCharArray(), "10.1.1.3");
        Session session = auth.openSession(sam, Session.Kind.API, "10.1.1.3");
        long version = sam().version();
        assertThrows(ForbiddenException.class, () -> users.update(sam, "sam",
                new AccountChange(version, null, null, Set.of("admin"), null, null)));
        users.update(ADMIN, "sam", new AccountChange(version, null, null, Set.of("staff", "analyst"),
                null, null));
        auth.close(session.token());

        assertEquals(List.of("sam logon-failed null failed", "anonymous logon-failed null failed",
                "sam logon sam success", "sam denied sam denied",
                "admin permission-change sam success", "sam logout sam success"), audited);
        assertEquals("10.1.1.1", events.get(0).remoteAddress());
        assertEquals("10.1.1.3", events.get(2).remoteAddress());
        assertEquals("roles", events.get(4).changes().get(0).field());
        assertEquals("staff", events.get(4).changes().get(0).oldValue());
        assertEquals("analyst,staff", events.get(4).changes().get(0).newValue());
    }
}
