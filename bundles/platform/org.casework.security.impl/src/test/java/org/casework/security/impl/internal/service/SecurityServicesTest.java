package org.casework.security.impl.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.casework.core.api.Caller;
import org.casework.core.api.FieldError;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.ValidationException;
import org.casework.security.api.AuthenticationException;
import org.casework.security.api.NewUser;
import org.casework.security.api.Session;
import org.casework.security.api.UserAccount;
import org.casework.security.impl.internal.password.PasswordHasher;
import org.casework.security.impl.internal.persistence.DerbyJpa;
import org.casework.security.impl.internal.persistence.SecurityStore;
import org.casework.security.impl.internal.session.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Users, sign-in and sessions against the real schema on in-memory Derby. */
class SecurityServicesTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2025-05-01T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private static final Caller ADMIN = new Caller("admin", "Admin", Set.of("admin"), Set.of(),
            false, false);
    private static final String PASSWORD = "twelve chars ok";

    private DerbyJpa db;
    private SecurityStore store;
    private ManualClock clock;
    private AuthenticationServiceImpl auth;
    private UserServiceImpl users;

    @BeforeEach
    void setUp() throws Exception {
        db = new DerbyJpa();
        store = new SecurityStore(db, DerbyJpa.schema());
        clock = new ManualClock();
        PasswordHasher hasher = new PasswordHasher(1_000);
        auth = new AuthenticationServiceImpl(store, hasher, clock);
        users = new UserServiceImpl(store, hasher, clock);
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    private UserAccount createSam() {
        return users.create(ADMIN, new NewUser("sam", "Sam Spade", "sam@example.org",
                Set.of("staff", "investigator"), Set.of("north"), PASSWORD));
    }

    private static Set<String> rules(ValidationException e) {
        return Set.copyOf(e.errors().stream().map(f -> f.field() + ":" + f.rule()).toList());
    }

    @Test
    void adminCreatesAndListsUsers() {
        UserAccount sam = createSam();
        assertEquals("sam", sam.username());
        assertEquals(Set.of("staff", "investigator"), sam.roles());
        assertEquals(Set.of("north"), sam.divisions());
        assertTrue(sam.active());
        assertFalse(sam.passwordChangeRequired());
        assertEquals(clock.now, sam.createdAt());

        users.create(ADMIN, new NewUser("ann", null, null, Set.of("staff"), Set.of(), PASSWORD));
        users.create(ADMIN, new NewUser("zed", null, null, Set.of(), Set.of(), PASSWORD));
        assertEquals(3, users.count(ADMIN));
        assertEquals(List.of("ann", "sam"), users.list(ADMIN, 0, 2).stream()
                .map(UserAccount::username).toList());
        assertEquals(List.of("zed"), users.list(ADMIN, 1, 2).stream()
                .map(UserAccount::username).toList());
    }

    @Test
    void onlyAdministratorsManageUsers() {
        createSam();
        Caller staff = new Caller("sam", "Sam", Set.of("staff"), Set.of(), false, false);
        assertThrows(ForbiddenException.class, () -> users.create(staff,
                new NewUser("eve", null, null, Set.of("admin"), Set.of(), PASSWORD)));
        assertThrows(ForbiddenException.class, () -> users.list(staff, 0, 10));
        assertThrows(ForbiddenException.class, () -> users.count(staff));
        assertTrue(users.find(staff, "sam").isPresent(), "own account");
        assertTrue(users.find(staff, "admin").isEmpty(), "others' accounts are invisible");
    }

    @Test
    void creationValidatesEveryField() {
        ValidationException e = assertThrows(ValidationException.class, () -> users.create(ADMIN,
                new NewUser("Bad Name!", "x".repeat(201), "not-an-email", Set.of("ok", "bad role"),
                        Set.of(), "short")));
        assertEquals(Set.of("username:pattern", "fullName:maxLength", "email:email",
                "roles:pattern", "password:minLength"), rules(e));

        ValidationException same = assertThrows(ValidationException.class, () -> users.create(ADMIN,
                new NewUser("longusername", null, null, Set.of(), Set.of(), "longusername")));
        assertEquals(Set.of("password:containsUsername"), rules(same));

        assertEquals(Set.of("username:required", "password:required"),
                rules(assertThrows(ValidationException.class, () -> users.create(ADMIN,
                        new NewUser(null, null, null, null, null, null)))));
    }

    @Test
    void duplicateUserNameIsAUniqueError() {
        createSam();
        ValidationException e = assertThrows(ValidationException.class, this::createSam);
        assertEquals(Set.of("username:unique"), rules(e));
    }

    @Test
    void pagingIsValidated() {
        assertEquals(Set.of("page:min", "size:range"), rules(assertThrows(ValidationException.class,
                () -> users.list(ADMIN, -1, 0))));
        assertThrows(ValidationException.class, () -> users.list(ADMIN, 0, 201));
    }

    @Test
    void signInChecksThePasswordAndFailsAlikeForEveryReason() throws Exception {
        createSam();
        Caller sam = auth.authenticate("sam", PASSWORD.toCharArray(), "127.0.0.1");
        assertEquals("sam", sam.username());
        assertEquals("Sam Spade", sam.displayName());
        assertEquals(Set.of("north"), sam.divisions());
        assertEquals("sam", auth.authenticate(" SAM ", PASSWORD.toCharArray(), null).username());

        AuthenticationException wrong = assertThrows(AuthenticationException.class,
                () -> auth.authenticate("sam", "wrong password!".toCharArray(), null));
        AuthenticationException unknown = assertThrows(AuthenticationException.class,
                () -> auth.authenticate("nobody", PASSWORD.toCharArray(), null));
        AuthenticationException empty = assertThrows(AuthenticationException.class,
                () -> auth.authenticate("", new char[0], null));
        assertEquals(wrong.getMessage(), unknown.getMessage());
        assertEquals(wrong.getMessage(), empty.getMessage());

        deactivate("sam");
        AuthenticationException inactive = assertThrows(AuthenticationException.class,
                () -> auth.authenticate("sam", PASSWORD.toCharArray(), null));
        assertEquals(wrong.getMessage(), inactive.getMessage());
    }

    private void deactivate(String username) throws Exception {
        try (Statement st = db.connection().createStatement()) {
            st.executeUpdate("UPDATE cw_user SET active = FALSE WHERE username = '" + username + "'");
        }
    }

    @Test
    void browserSessionStoresOnlyTheHashAndIdlesOut() throws Exception {
        createSam();
        Caller sam = auth.authenticate("sam", PASSWORD.toCharArray(), null);
        Session opened = auth.openSession(sam, Session.Kind.BROWSER, "10.0.0.7");
        assertNotNull(opened.token());
        assertNotNull(opened.csrfToken());
        assertEquals(clock.now.plus(Duration.ofHours(8)), opened.expiresAt());

        try (Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT token_hash, remote_address FROM cw_session")) {
            assertTrue(rs.next());
            assertEquals(Tokens.hash(opened.token()), rs.getString(1));
            assertEquals("10.0.0.7", rs.getString(2));
        }

        Optional<Session> resolved = auth.resolve(opened.token());
        assertTrue(resolved.isPresent());
        assertNull(resolved.get().token());
        assertEquals(opened.csrfToken(), resolved.get().csrfToken());
        assertEquals("sam", resolved.get().caller().username());

        clock.advance(Duration.ofMinutes(20));
        assertTrue(auth.resolve(opened.token()).isPresent(), "use keeps it alive");
        clock.advance(Duration.ofMinutes(25));
        assertTrue(auth.resolve(opened.token()).isPresent(), "25 min after the last use");
        clock.advance(Duration.ofMinutes(31));
        assertTrue(auth.resolve(opened.token()).isEmpty(), "idle for 31 minutes");
        assertTrue(auth.resolve(opened.token()).isEmpty());
    }

    @Test
    void apiTokenLastsTwelveHoursAndHasNoCsrf() throws Exception {
        createSam();
        Caller sam = auth.authenticate("sam", PASSWORD.toCharArray(), null);
        Session token = auth.openSession(sam, Session.Kind.API, null);
        assertNull(token.csrfToken());
        clock.advance(Duration.ofHours(11));
        assertTrue(auth.resolve(token.token()).isPresent());
        clock.advance(Duration.ofHours(1));
        assertTrue(auth.resolve(token.token()).isEmpty());
    }

    @Test
    void closedUnknownAndDeactivatedSessionsResolveToNothing() throws Exception {
        createSam();
        Caller sam = auth.authenticate("sam", PASSWORD.toCharArray(), null);
        Session a = auth.openSession(sam, Session.Kind.API, null);
        Session b = auth.openSession(sam, Session.Kind.API, null);
        auth.close(a.token());
        assertTrue(auth.resolve(a.token()).isEmpty());
        assertTrue(auth.resolve("forged").isEmpty());
        assertTrue(auth.resolve("x".repeat(500)).isEmpty());
        assertTrue(auth.resolve(null).isEmpty());
        assertTrue(auth.resolve(b.token()).isPresent());
        deactivate("sam");
        assertTrue(auth.resolve(b.token()).isEmpty());
    }

    @Test
    void passwordChangeEndsOtherSessionsAndClearsTheFlag() throws Exception {
        createSam();
        Caller sam = auth.authenticate("sam", PASSWORD.toCharArray(), null);
        Session current = auth.openSession(sam, Session.Kind.BROWSER, null);
        Session other = auth.openSession(sam, Session.Kind.API, null);

        assertThrows(AuthenticationException.class, () -> users.changePassword(sam,
                "not my password".toCharArray(), "a brand new secret".toCharArray(), current.token()));
        ValidationException weak = assertThrows(ValidationException.class, () -> users.changePassword(
                sam, PASSWORD.toCharArray(), "short".toCharArray(), current.token()));
        assertEquals(List.of(new FieldError("newPassword", "minLength",
                "The password must be at least 12 characters long.")), weak.errors());
        assertEquals(Set.of("newPassword:changed"), rules(assertThrows(ValidationException.class,
                () -> users.changePassword(sam, PASSWORD.toCharArray(), PASSWORD.toCharArray(),
                        current.token()))));

        users.changePassword(sam, PASSWORD.toCharArray(), "a brand new secret".toCharArray(),
                current.token());
        assertTrue(auth.resolve(current.token()).isPresent());
        assertTrue(auth.resolve(other.token()).isEmpty());
        assertThrows(AuthenticationException.class,
                () -> auth.authenticate("sam", PASSWORD.toCharArray(), null));
        assertEquals("sam", auth.authenticate("sam", "a brand new secret".toCharArray(), null)
                .username());
    }

    @Test
    void mustChangeFlagIsClearedByAChange() throws Exception {
        new AdminBootstrap(store, new PasswordHasher(1_000), k -> null, k -> "initial bootstrap pw",
                null, System.out, clock).run();
        try (Statement st = db.connection().createStatement()) {
            st.executeUpdate("UPDATE cw_user SET password_change_required = TRUE");
        }
        Caller admin = auth.authenticate("admin", "initial bootstrap pw".toCharArray(), null);
        assertTrue(admin.passwordChangeRequired());
        users.changePassword(admin, "initial bootstrap pw".toCharArray(), "my own chosen pw".toCharArray());
        assertFalse(auth.authenticate("admin", "my own chosen pw".toCharArray(), null)
                .passwordChangeRequired());
    }
}
