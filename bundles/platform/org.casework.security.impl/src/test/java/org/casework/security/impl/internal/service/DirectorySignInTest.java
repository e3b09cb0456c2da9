package org.casework.security.impl.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
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
import org.casework.security.api.AuthenticationException;
import org.casework.security.api.NewUser;
import org.casework.security.api.UserAccount;
import org.casework.security.impl.internal.directory.LdapDirectory;
import org.casework.security.impl.internal.directory.TestDirectory;
import org.casework.security.impl.internal.password.PasswordHasher;
import org.casework.security.impl.internal.persistence.DerbyJpa;
import org.casework.security.impl.internal.persistence.SecurityStore;
import org.casework.security.impl.internal.persistence.UserRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in through the directory with a local account kept in step: provisioning, roles from
 * groups at every sign-in, lockout and audit as for local accounts, no local password.
 */
class DirectorySignInTest {

    private static final Caller ADMIN = new Caller("admin", "Admin", Set.of("admin"), Set.of(),
            false, false);
    private static final String LOCAL_PASSWORD = "violet tractor lamp";
    private static final String JANE = TestDirectory.JANE_PASSWORD;

    private final List<String> audited = new ArrayList<>();
    private final AuditService recorder = new AuditService() {
        @Override
        public void record(Caller caller, AuditEvent event) {
            audited.add(caller.username() + " " + event.action() + " " + event.outcome() + " "
                    + event.detail());
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

    private TestDirectory ldap;
    private DerbyJpa db;
    private SecurityStore store;
    private SecurityServicesTest.ManualClock clock;
    private AuthenticationServiceImpl auth;
    private UserServiceImpl users;

    @BeforeEach
    void setUp() throws Exception {
        ldap = new TestDirectory();
        db = new DerbyJpa();
        store = new SecurityStore(db, DerbyJpa.schema());
        clock = new SecurityServicesTest.ManualClock();
        PasswordHasher hasher = new PasswordHasher(1_000);
        SecurityAudit hook = new SecurityAudit(recorder);
        auth = new AuthenticationServiceImpl(store, hasher, clock, hook);
        auth.configure(5, Duration.ofMinutes(15));
        auth.useDirectory(new LdapDirectory(ldap.config()));
        users = new UserServiceImpl(store, hasher, clock, hook);
        users.create(ADMIN, new NewUser("admin", "Admin", null, Set.of("admin"), Set.of(),
                LOCAL_PASSWORD));
        users.create(ADMIN, new NewUser("bob", "Local Bob", null, Set.of("staff"), Set.of(),
                LOCAL_PASSWORD));
        audited.clear();
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
        ldap.close();
    }

    private Caller signIn(String name, String password) throws AuthenticationException {
        return auth.authenticate(name, password.toCharArray(), "10.2.2.2");
    }

    private UserAccount account(String name) {
        return users.find(ADMIN, name).orElseThrow();
    }

    @Test
    void aDirectoryUserGetsALocalAccountWithRolesFromGroups() throws Exception {
        Caller jane = signIn("Jane", JANE);
        assertEquals("jane", jane.username());
        assertEquals(Set.of("attorney", "staff"), jane.roles());
        assertEquals(Set.of("immigration"), jane.divisions());
        assertFalse(jane.passwordChangeRequired());
        UserAccount account = account("jane");
        assertEquals("Jane Doe", account.fullName());
        assertEquals("jane@example.org", account.email());
        UserRow row = store.findUser("jane").orElseThrow();
        assertTrue(row.directory());
        assertEquals(AuthenticationServiceImpl.DIRECTORY_PASSWORD, row.passwordHash());
        assertTrue(audited.stream().anyMatch(a -> a.startsWith("jane permission-change success "
                + "account created from the directory with roles attorney,staff")), audited::toString);
        assertTrue(audited.contains("jane logon success null"), audited::toString);
    }

    @Test
    void rolesFollowTheGroupsAtEverySignIn() throws Exception {
        signIn("jane", JANE);
        ldap.leave("jane", TestDirectory.ATTORNEYS);
        ldap.join("jane", TestDirectory.AUDITORS);
        assertEquals(Set.of("auditor", "staff"), signIn("jane", JANE).roles());
        ldap.leave("jane", TestDirectory.AUDITORS);
        ldap.leave("jane", TestDirectory.IMMIGRATION);
        Caller none = signIn("jane", JANE);
        assertEquals(Set.of(), none.roles());
        assertEquals(Set.of(), none.divisions());
        assertEquals(Set.of(), account("jane").roles());
        assertTrue(audited.stream().anyMatch(a -> a.contains("roles from the directory: "
                + "auditor,staff -> ;")), audited::toString);
    }

    @Test
    void wrongPasswordsAreAuditedAndLockTheAccount() throws Exception {
        signIn("jane", JANE);
        audited.clear();
        for (int i = 0; i < 5; i++) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> signIn("jane", "a wrong password"));
            assertEquals(AuthenticationServiceImpl.FAILED, e.getMessage());
        }
        assertTrue(audited.contains("jane logon-failed failed wrong directory password"),
                audited::toString);
        assertTrue(audited.contains("jane logon-failed failed wrong directory password; account "
                + "now locked"), audited::toString);
        assertTrue(account("jane").lockedAt(clock.instant()));
        // locked: the right password is refused too, and the directory is not asked
        ldap.close();
        assertEquals(AuthenticationServiceImpl.FAILED, assertThrows(AuthenticationException.class,
                () -> signIn("jane", JANE)).getMessage());
        assertTrue(audited.get(audited.size() - 1).endsWith("account locked"), audited::toString);
    }

    @Test
    void unknownNamesEmptyPasswordsAndInjectionFailAlike() {
        for (String[] attempt : new String[][] {{"nobody", JANE}, {"jane", ""},
            {"*)(uid=*", JANE}, {"*", JANE}}) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> signIn(attempt[0], attempt[1]));
            assertEquals(AuthenticationServiceImpl.FAILED, e.getMessage());
        }
        assertTrue(store.findUser("*").isEmpty());
        assertEquals(4, audited.stream().filter(a -> a.contains("logon-failed failed")).count(),
                audited::toString);
    }

    @Test
    void directoryAccountsHaveNoLocalPassword() throws Exception {
        Caller jane = signIn("jane", JANE);
        assertThrows(AuthenticationException.class,
                () -> signIn("jane", AuthenticationServiceImpl.DIRECTORY_PASSWORD));
        CaseworkException change = assertThrows(CaseworkException.class, () -> users.changePassword(
                jane, JANE.toCharArray(), "a brand new password".toCharArray()));
        assertEquals(409, change.status());
        assertTrue(change.getMessage().contains("directory"), change.getMessage());
        CaseworkException reset = assertThrows(CaseworkException.class,
                () -> users.resetPassword(ADMIN, "jane"));
        assertEquals(409, reset.status());
        assertEquals(AuthenticationServiceImpl.DIRECTORY_PASSWORD,
                store.findUser("jane").orElseThrow().passwordHash());
    }

    @Test
    void localFirstKeepsLocalAccountsLocal() throws Exception {
        // bob exists in both: local-first signs him in with the Casework password only
        assertEquals(Set.of("staff"), signIn("bob", LOCAL_PASSWORD).roles());
        assertThrows(AuthenticationException.class,
                () -> signIn("bob", "bob's directory password"));
        assertFalse(store.findUser("bob").orElseThrow().directory());
    }

    @Test
    void directoryFirstMovesAMatchingLocalAccountToTheDirectory() throws Exception {
        auth.useDirectory(new LdapDirectory(ldap.config("mode", "directory-first")));
        // the local admin is not in the directory: the Casework password still works
        assertEquals("admin", signIn("admin", LOCAL_PASSWORD).username());
        // bob's local password no longer counts once the directory knows him
        assertThrows(AuthenticationException.class, () -> signIn("bob", LOCAL_PASSWORD));
        Caller bob = signIn("bob", "bob's directory password");
        assertEquals(Set.of("auditor", "staff"), bob.roles());
        assertTrue(store.findUser("bob").orElseThrow().directory());
        assertEquals("Bob Roe", account("bob").fullName());
    }

    @Test
    void anUnreachableDirectoryFailsClearlyAndFast() throws Exception {
        signIn("jane", JANE);
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        auth.useDirectory(new LdapDirectory(ldap.config("url", "ldap://127.0.0.1:" + port,
                "mode", "directory-first")));
        AuthenticationException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(AuthenticationException.class, () -> signIn("jane", JANE)));
        assertEquals(AuthenticationServiceImpl.DIRECTORY_UNAVAILABLE, e.getMessage());
        assertTrue(audited.contains("jane logon-failed failed directory unavailable"),
                audited::toString);
        // an outage is no wrong password: it does not count towards the lock
        assertEquals(0, account("jane").failedSignIns());
        // Casework's own accounts still sign in, even directory-first
        assertEquals("admin", signIn("admin", LOCAL_PASSWORD).username());
    }

    @Test
    void withoutTheDirectoryADirectoryAccountCannotSignIn() throws Exception {
        signIn("jane", JANE);
        auth.useDirectory(null);
        assertThrows(AuthenticationException.class, () -> signIn("jane", JANE));
        assertThrows(AuthenticationException.class,
                () -> signIn("jane", AuthenticationServiceImpl.DIRECTORY_PASSWORD));
    }
}
