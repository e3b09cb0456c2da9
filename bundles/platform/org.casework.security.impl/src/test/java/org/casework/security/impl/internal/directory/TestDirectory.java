package org.casework.security.impl.internal.directory;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFException;

/**
 * An in-memory LDAP directory on a free loopback port for tests, with two people and three
 * groups under {@code dc=example,dc=org}, and an {@link LdapConfig} pointing at it.
 */
public final class TestDirectory implements AutoCloseable {

    public static final String BASE = "dc=example,dc=org";
    public static final String SERVICE_DN = "cn=casework,ou=services," + BASE;
    public static final String SERVICE_PASSWORD = "service secret";
    public static final String JANE_PASSWORD = "jane's directory password";
    public static final String ATTORNEYS = "cn=attorneys,ou=groups," + BASE;
    public static final String AUDITORS = "cn=auditors,ou=groups," + BASE;
    public static final String IMMIGRATION = "cn=immigration,ou=groups," + BASE;

    private final InMemoryDirectoryServer server;

    public TestDirectory() throws LDAPException, LDIFException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        config.setSchema(null);
        server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE, "objectClass: domain", "dc: example");
        server.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
        server.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
        server.add("dn: ou=services," + BASE, "objectClass: organizationalUnit", "ou: services");
        server.add("dn: " + SERVICE_DN, "objectClass: person", "cn: casework", "sn: service",
                "userPassword: " + SERVICE_PASSWORD);
        addPerson("jane", "Jane Doe", JANE_PASSWORD);
        addPerson("bob", "Bob Roe", "bob's directory password");
        server.add("dn: " + ATTORNEYS, "objectClass: groupOfNames", "cn: attorneys",
                "member: uid=jane,ou=people," + BASE);
        server.add("dn: " + AUDITORS, "objectClass: groupOfNames", "cn: auditors",
                "member: uid=bob,ou=people," + BASE);
        server.add("dn: " + IMMIGRATION, "objectClass: groupOfNames", "cn: immigration",
                "member: uid=jane,ou=people," + BASE);
        server.startListening();
    }

    /** Adds a person {@code uid=<uid>,ou=people,...}. */
    public void addPerson(String uid, String name, String password) throws LDAPException, LDIFException {
        server.add("dn: uid=" + uid + ",ou=people," + BASE, "objectClass: inetOrgPerson",
                "uid: " + uid, "cn: " + name, "sn: " + name, "mail: " + uid + "@example.org",
                "userPassword: " + password);
    }

    /** Removes the person from the group (a full DN). */
    public void leave(String uid, String group) throws LDAPException {
        server.modify(group, new Modification(ModificationType.DELETE, "member",
                "uid=" + uid + ",ou=people," + BASE));
    }

    /** Adds the person to the group (a full DN). */
    public void join(String uid, String group) throws LDAPException {
        server.modify(group, new Modification(ModificationType.ADD, "member",
                "uid=" + uid + ",ou=people," + BASE));
    }

    public int port() {
        return server.getListenPort();
    }

    public String url() {
        return "ldap://127.0.0.1:" + port();
    }

    /** The settings for this directory, with attorneys -> attorney, staff and so on. */
    public LdapConfig config(Object... overrides) {
        Map<String, Object> values = new HashMap<>(Map.of(
                "url", url(),
                "bindDn", SERVICE_DN,
                "bindPassword", SERVICE_PASSWORD,
                "userSearchBase", "ou=people," + BASE,
                "groupSearchBase", "ou=groups," + BASE,
                "groupRoleMapping", ATTORNEYS + " -> attorney, staff; auditors -> auditor, staff",
                "groupDivisionMapping", "immigration -> immigration",
                "connectTimeoutMs", 2000,
                "readTimeoutMs", 2000));
        for (int i = 0; i < overrides.length; i += 2) {
            values.put((String) overrides[i], overrides[i + 1]);
        }
        return config(values);
    }

    /** An {@link LdapConfig} with the given values and the annotation's defaults for the rest. */
    public static LdapConfig config(Map<String, Object> values) {
        return (LdapConfig) Proxy.newProxyInstance(LdapConfig.class.getClassLoader(),
                new Class<?>[] {LdapConfig.class}, (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    if ("annotationType".equals(method.getName())) {
                        return LdapConfig.class;
                    }
                    return method.getDefaultValue();
                });
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
