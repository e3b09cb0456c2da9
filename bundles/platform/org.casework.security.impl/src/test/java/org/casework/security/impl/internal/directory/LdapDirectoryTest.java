package org.casework.security.impl.internal.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.casework.security.impl.internal.directory.LdapDirectory.Outcome;
import org.casework.security.impl.internal.directory.LdapDirectory.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-in against UnboundID's in-memory directory through the JDK's JNDI provider. */
class LdapDirectoryTest {

    private TestDirectory ldap;
    private LdapDirectory directory;

    @BeforeEach
    void setUp() throws Exception {
        ldap = new TestDirectory();
        directory = new LdapDirectory(ldap.config());
    }

    @AfterEach
    void tearDown() {
        ldap.close();
    }

    private Result signIn(String name, String password) throws DirectoryUnavailableException {
        return directory.authenticate(name, password.toCharArray());
    }

    @Test
    void theRightPasswordIsAcceptedWithNameMailAndMappedGroups() throws Exception {
        Result result = signIn("jane", TestDirectory.JANE_PASSWORD);
        assertEquals(Outcome.ACCEPTED, result.outcome());
        DirectoryUser jane = result.user();
        assertEquals("uid=jane,ou=people,dc=example,dc=org", jane.dn());
        assertEquals("Jane Doe", jane.fullName());
        assertEquals("jane@example.org", jane.email());
        assertEquals(Set.of("attorney", "staff"), jane.roles());
        assertEquals(Set.of("immigration"), jane.divisions());
        assertEquals(2, jane.groups().size());
    }

    @Test
    void groupsMapByNameAsWellAsByDn() throws Exception {
        Result bob = signIn("bob", "bob's directory password");
        assertEquals(Set.of("auditor", "staff"), bob.user().roles());
        assertEquals(Set.of(), bob.user().divisions());
    }

    @Test
    void leavingEveryMappedGroupLeavesNoRoles() throws Exception {
        ldap.leave("jane", TestDirectory.ATTORNEYS);
        ldap.leave("jane", TestDirectory.IMMIGRATION);
        Result result = signIn("jane", TestDirectory.JANE_PASSWORD);
        assertEquals(Outcome.ACCEPTED, result.outcome());
        assertEquals(Set.of(), result.user().roles());
        assertEquals(Set.of(), result.user().divisions());
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        assertEquals(Outcome.WRONG_PASSWORD, signIn("jane", "not jane's password").outcome());
        assertNull(signIn("jane", "not jane's password").user());
    }

    @Test
    void anUnknownUserIsReportedAsUnknown() throws Exception {
        assertEquals(Outcome.UNKNOWN_USER, signIn("nobody", "whatever it is").outcome());
    }

    @Test
    void anEmptyPasswordIsRefusedWithoutAnAnonymousBind() throws Exception {
        // a bind with a DN and no password is an unauthenticated bind that many servers accept
        assertEquals(Outcome.WRONG_PASSWORD, signIn("jane", "").outcome());
        assertEquals(Outcome.WRONG_PASSWORD, directory.authenticate("jane", null).outcome());
    }

    @Test
    void filterMetacharactersInTheUserNameMatchNothing() throws Exception {
        assertEquals(Outcome.UNKNOWN_USER, signIn("*)(uid=*", TestDirectory.JANE_PASSWORD).outcome());
        assertEquals(Outcome.UNKNOWN_USER, signIn("*", TestDirectory.JANE_PASSWORD).outcome());
        assertEquals(Outcome.UNKNOWN_USER,
                signIn("jane)(|(uid=*", TestDirectory.JANE_PASSWORD).outcome());
        assertEquals(Outcome.UNKNOWN_USER, signIn("j*", TestDirectory.JANE_PASSWORD).outcome());
    }

    @Test
    void aFilterMatchingSeveralEntriesRefusesTheSignIn() throws Exception {
        LdapDirectory loose = new LdapDirectory(ldap.config("userFilter", "(|(uid={0})(objectClass=inetOrgPerson))"));
        assertEquals(Outcome.UNKNOWN_USER, loose.authenticate("jane",
                TestDirectory.JANE_PASSWORD.toCharArray()).outcome());
    }

    @Test
    void aWrongServiceAccountPasswordIsAnOutageNotAWrongUserPassword() {
        LdapDirectory wrong = new LdapDirectory(ldap.config("bindPassword", "not it"));
        DirectoryUnavailableException e = assertThrows(DirectoryUnavailableException.class,
                () -> wrong.authenticate("jane", TestDirectory.JANE_PASSWORD.toCharArray()));
        assertTrue(e.getMessage().contains("service account"), e.getMessage());
    }

    @Test
    void aDirectoryThatIsDownFailsFast() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        LdapDirectory down = new LdapDirectory(ldap.config("url", "ldap://127.0.0.1:" + port));
        DirectoryUnavailableException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(DirectoryUnavailableException.class,
                        () -> down.authenticate("jane", TestDirectory.JANE_PASSWORD.toCharArray())));
        assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
    }

    @Test
    void aDirectoryThatNeverAnswersTimesOut() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            LdapDirectory silentDirectory = new LdapDirectory(ldap.config(
                    "url", "ldap://127.0.0.1:" + silent.getLocalPort(), "readTimeoutMs", 300));
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
                    DirectoryUnavailableException.class, () -> silentDirectory.authenticate("jane",
                            TestDirectory.JANE_PASSWORD.toCharArray())));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5000);
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void badSettingsStopTheComponent() {
        assertThrows(IllegalArgumentException.class,
                () -> new LdapDirectory(ldap.config("url", "http://example.org")));
        assertThrows(IllegalArgumentException.class,
                () -> new LdapDirectory(ldap.config("userFilter", "(uid=jane)")));
        assertThrows(IllegalArgumentException.class,
                () -> new LdapDirectory(ldap.config("groupRoleMapping", "attorneys = attorney")));
        assertThrows(IllegalArgumentException.class,
                () -> new LdapDirectory(ldap.config("groupRoleMapping", "attorneys -> a b")));
        assertThrows(IllegalArgumentException.class,
                () -> new LdapDirectory(ldap.config("mode", "directory-only")));
    }
}
