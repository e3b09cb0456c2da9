package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import org.casework.itests.support.CaseworkHttp;
import org.casework.itests.support.CaseworkTestSupport;
import org.casework.itests.support.HttpResult;
import org.casework.itests.support.Wait;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Directory sign-in over real HTTP: an in-memory LDAP server (UnboundID, installed as a bundle)
 * runs inside the container, {@code etc/org.casework.security.ldap.cfg} is written as an operator
 * would, and people sign in with their directory passwords; roles come from their groups, wrong
 * passwords are audited and lock the account, a group change counts at the next sign-in, and the
 * JAAS realm {@code casework} takes directory users too. Each test uses its own person.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DirectorySignInIT extends CaseworkTestSupport {

    private static final String BASE = "dc=example,dc=org";
    private static final String ATTORNEYS = "cn=attorneys,ou=groups," + BASE;
    private static final String AUDITORS = "cn=auditors,ou=groups," + BASE;
    private static final String SERVICE_PASSWORD = "service account secret";

    /** Started once per container, inside it; lives as long as the container. */
    private static InMemoryDirectoryServer directory;

    @Configuration
    @Override
    public Option[] config() {
        return OptionUtils.combine(baseOptions(),
                mavenBundle("com.unboundid", "unboundid-ldapsdk").versionAsInProject());
    }

    @Before
    public void ready() throws Exception {
        awaitHealthy();
        synchronized (DirectorySignInIT.class) {
            if (directory == null) {
                directory = startDirectory();
                writeConfiguration(directory.getListenPort());
            }
        }
        Wait.until("directory sign-in works", BOOT_TIMEOUT,
                () -> signIn("probe", password("probe")).status() == 200);
    }

    private static String password(String uid) {
        return uid + "'s directory password";
    }

    private static InMemoryDirectoryServer startDirectory() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        config.setSchema(null);
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE, "objectClass: domain", "dc: example");
        server.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
        server.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
        server.add("dn: cn=casework," + BASE, "objectClass: person", "cn: casework",
                "sn: casework", "userPassword: " + SERVICE_PASSWORD);
        List<String> attorneys = new ArrayList<>();
        for (String[] person : new String[][] {{"jane", "Jane Doe"}, {"carol", "Carol Poe"},
            {"dave", "Dave Loe"}, {"probe", "Probe"}}) {
            String dn = "uid=" + person[0] + ",ou=people," + BASE;
            server.add("dn: " + dn, "objectClass: inetOrgPerson", "uid: " + person[0],
                    "cn: " + person[1], "sn: " + person[1], "mail: " + person[0] + "@example.org",
                    "userPassword: " + password(person[0]));
        }
        attorneys.add("member: uid=jane,ou=people," + BASE);
        attorneys.add("member: uid=carol,ou=people," + BASE);
        List<String> group = new ArrayList<>(List.of("dn: " + ATTORNEYS,
                "objectClass: groupOfNames", "cn: attorneys"));
        group.addAll(attorneys);
        server.add(group.toArray(String[]::new));
        server.add("dn: " + AUDITORS, "objectClass: groupOfNames", "cn: auditors",
                "member: uid=dave,ou=people," + BASE);
        server.startListening();
        return server;
    }

    /** What an operator puts in etc/: Karaf's file watcher hands it to Configuration Admin. */
    private static void writeConfiguration(int port) throws Exception {
        String cfg = String.join("\n",
                "url = ldap://127.0.0.1:" + port,
                "bindDn = cn=casework," + BASE,
                "bindPassword = " + SERVICE_PASSWORD,
                "userSearchBase = ou=people," + BASE,
                "userFilter = (uid={0})",
                "groupSearchBase = ou=groups," + BASE,
                "groupFilter = (member={0})",
                "groupRoleMapping = " + ATTORNEYS + " -> attorney, staff; auditors -> auditor, staff",
                "groupDivisionMapping = attorneys -> legal",
                "connectTimeoutMs = 2000",
                "readTimeoutMs = 5000",
                "mode = local-first",
                "");
        Path etc = Path.of(System.getProperty("karaf.etc"));
        Path temporary = etc.resolve("ldap.cfg.tmp");
        Files.writeString(temporary, cfg, StandardCharsets.UTF_8);
        // moved into place whole, so the watcher never reads half a file
        Files.move(temporary, etc.resolve("org.casework.security.ldap.cfg"));
    }

    private HttpResult signIn(String username, String password) {
        return http().post("/api/v1/session", Map.of("username", username, "password", password));
    }

    private CaseworkHttp bearer(String username) {
        HttpResult token = http().post("/api/v1/tokens",
                Map.of("username", username, "password", password(username)));
        assertEquals(token.toString(), 201, token.status());
        return http().header("Authorization", "Bearer " + token.json().path("token").asText());
    }

    private static Set<String> roles(HttpResult session) {
        Set<String> roles = new TreeSet<>();
        session.json().path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    @Test
    public void aDirectoryUserSignsInWithRolesFromTheirGroups() throws Exception {
        CaseworkHttp jane = http().as("jane", password("jane"));
        HttpResult session = jane.get("/api/v1/session");
        assertEquals(session.toString(), 200, session.status());
        assertEquals("jane", session.json().path("username").asText());
        assertEquals("Jane Doe", session.json().path("displayName").asText());
        assertEquals(Set.of("attorney", "staff"), roles(session));

        HttpResult account = admin().get("/api/v1/users/jane");
        assertEquals(account.toString(), 200, account.status());
        assertEquals("jane@example.org", account.json().path("email").asText());
        assertEquals("[\"legal\"]", account.json().path("divisions").toString());

        HttpResult change = jane.post("/api/v1/users/me/password", Map.of("currentPassword",
                password("jane"), "newPassword", "a brand new long password"));
        assertEquals(change.toString(), 409, change.status());
        assertTrue(change.body(), change.body().contains("directory"));
        HttpResult reset = admin().post("/api/v1/users/jane/password-reset", null);
        assertEquals(reset.toString(), 409, reset.status());

        // the JAAS realm (Karaf shell, JMX) delegates to the same sign-in
        LoginContext login = new LoginContext("casework", new Subject(), callbacks -> {
            for (Callback callback : callbacks) {
                if (callback instanceof NameCallback) {
                    ((NameCallback) callback).setName("jane");
                } else if (callback instanceof PasswordCallback) {
                    ((PasswordCallback) callback).setPassword(password("jane").toCharArray());
                }
            }
        });
        login.login();
        Set<String> principals = new TreeSet<>();
        for (Principal principal : login.getSubject().getPrincipals()) {
            principals.add(principal.getClass().getSimpleName() + ":" + principal.getName());
        }
        assertTrue(principals.toString(), principals.contains("UserPrincipal:jane"));
        assertTrue(principals.toString(), principals.contains("RolePrincipal:attorney"));
        login.logout();
    }

    @Test
    public void wrongPasswordsAreRefusedAuditedAndLockTheAccount() {
        assertEquals(200, signIn("carol", password("carol")).status());
        HttpResult wrong = signIn("carol", "not carol's password");
        assertEquals(wrong.toString(), 401, wrong.status());
        assertEquals(401, http().as("carol", "not carol's password").get("/api/v1/session").status());
        for (int i = 0; i < 3; i++) {
            assertEquals(401, signIn("carol", "not carol's password").status());
        }
        // five failures in a row: locked, the right password is refused too
        HttpResult locked = signIn("carol", password("carol"));
        assertEquals(locked.toString(), 401, locked.status());
        HttpResult account = admin().get("/api/v1/users/carol");
        assertTrue(account.body(), !account.json().path("lockedUntil").isNull());

        HttpResult audit = admin().get("/api/v1/audit?actor=carol&action=logon-failed&size=50");
        assertEquals(audit.toString(), 200, audit.status());
        List<String> details = new ArrayList<>();
        for (JsonNode entry : audit.json().path("items")) {
            details.add(entry.path("detail").asText());
        }
        assertTrue(details.toString(), details.contains("wrong directory password"));
        assertTrue(details.toString(),
                details.contains("wrong directory password; account now locked"));
        assertTrue(details.toString(), details.contains("account locked"));
    }

    @Test
    public void aGroupChangeCountsAtTheNextSignIn() throws Exception {
        CaseworkHttp dave = bearer("dave");
        assertEquals(Set.of("auditor", "staff"), roles(dave.get("/api/v1/session")));
        assertEquals(200, dave.get("/api/v1/audit").status());

        directory.modify(AUDITORS, new Modification(ModificationType.DELETE, "member",
                "uid=dave,ou=people," + BASE));
        CaseworkHttp again = bearer("dave");
        HttpResult session = again.get("/api/v1/session");
        assertEquals(session.toString(), 200, session.status());
        assertEquals(Set.of(), roles(session));
        HttpResult refused = again.get("/api/v1/audit");
        assertEquals(refused.toString(), 403, refused.status());
        // the roles are the account's, so the earlier token has lost them too
        assertEquals(403, dave.get("/api/v1/audit").status());

        directory.modify(ATTORNEYS, new Modification(ModificationType.ADD, "member",
                "uid=dave,ou=people," + BASE));
        assertEquals(Set.of("attorney", "staff"), roles(bearer("dave").get("/api/v1/session")));
    }
}
