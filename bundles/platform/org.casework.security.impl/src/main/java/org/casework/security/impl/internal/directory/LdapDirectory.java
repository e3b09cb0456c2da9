package org.casework.security.impl.internal.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.naming.AuthenticationException;
import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a user name and password against an LDAP directory with the JDK's JNDI provider: finds
 * the user's entry with the service account, then binds as that entry with the password given,
 * then reads the user's groups with the service account and maps them to roles and divisions.
 * Runs only when {@code etc/org.casework.security.ldap.cfg} exists. Every operation has a connect
 * and a read timeout, so an unreachable directory fails a sign-in rather than hanging it. Holds
 * no connection between sign-ins. Thread-safe.
 */
@Component(service = LdapDirectory.class, configurationPid = LdapConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = LdapConfig.class)
public final class LdapDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(LdapDirectory.class);
    private static final String FACTORY = "com.sun.jndi.ldap.LdapCtxFactory";
    private static final int MAX_USERNAME_LENGTH = 64;

    /** Which accounts are asked first, Casework's own or the directory's. */
    public enum Mode {
        /** Casework accounts sign in with their own password; other names go to the directory. */
        LOCAL_FIRST,
        /** The directory is asked first for every name. */
        DIRECTORY_FIRST;

        static Mode of(String value) {
            String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "local-first", "" -> LOCAL_FIRST;
                case "directory-first" -> DIRECTORY_FIRST;
                default -> throw new IllegalArgumentException("mode must be local-first or "
                        + "directory-first, not '" + value + "'");
            };
        }
    }

    /** What the directory said about a user name and password. */
    public enum Outcome {
        /** The password is right. */
        ACCEPTED,
        /** The directory has the user; the password is wrong. */
        WRONG_PASSWORD,
        /** The directory has no such user (or more than one entry matched). */
        UNKNOWN_USER
    }

    /** The answer of {@link #authenticate}: the outcome, and the user when accepted. */
    public record Result(Outcome outcome, DirectoryUser user) {
    }

    /** The settings as checked at activation; replaced whole on change. */
    private record Settings(String url, String bindDn, String bindPassword, String userBase,
            String userFilter, String groupBase, String groupFilter, GroupMapping roles,
            GroupMapping divisions, String fullNameAttribute, String emailAttribute,
            int connectTimeoutMs, int readTimeoutMs, Mode mode) {
    }

    private volatile Settings settings;

    @Activate
    public LdapDirectory(LdapConfig config) {
        modified(config);
    }

    @Modified
    void modified(LdapConfig config) {
        try {
            this.settings = check(config);
        } catch (IllegalArgumentException e) {
            // at activation the component then stays off; on a change the last good settings stay
            LOG.error("The directory settings in {} are not accepted: {}", LdapConfig.PID,
                    e.getMessage());
            throw e;
        }
        LOG.info("Directory sign-in at {} ({})", settings.url(),
                settings.mode() == Mode.LOCAL_FIRST ? "local-first" : "directory-first");
    }

    private static Settings check(LdapConfig c) {
        String url = c.url() == null ? "" : c.url().strip();
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("ldap://") && !lower.startsWith("ldaps://")) {
            throw new IllegalArgumentException("url must start with ldap:// or ldaps://");
        }
        if (c.userSearchBase() == null || c.userSearchBase().isBlank()) {
            throw new IllegalArgumentException("userSearchBase is required");
        }
        if (c.userFilter() == null || !c.userFilter().contains("{0}")) {
            throw new IllegalArgumentException("userFilter must contain {0} for the user name");
        }
        return new Settings(url, blankToEmpty(c.bindDn()), c.bindPassword() == null ? ""
                : c.bindPassword(), c.userSearchBase().strip(), c.userFilter().strip(),
                blankToEmpty(c.groupSearchBase()), blankToEmpty(c.groupFilter()),
                GroupMapping.parse("groupRoleMapping", c.groupRoleMapping()),
                GroupMapping.parse("groupDivisionMapping", c.groupDivisionMapping()),
                blankToEmpty(c.fullNameAttribute()), blankToEmpty(c.emailAttribute()),
                Math.max(100, c.connectTimeoutMs()), Math.max(100, c.readTimeoutMs()),
                Mode.of(c.mode()));
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    /** Which accounts are asked first. */
    public Mode mode() {
        return settings.mode();
    }

    /**
     * Checks the user name and password against the directory. An empty password is refused
     * without asking: many directories take a bind with a DN and no password as an anonymous
     * bind, and answer it with success.
     *
     * @param username the user name as the user typed it (it is escaped in the filter)
     * @throws DirectoryUnavailableException when the directory cannot be reached, does not
     *     answer in time, or refuses the service account
     */
    public Result authenticate(String username, char[] password)
            throws DirectoryUnavailableException {
        Settings s = settings;
        if (username == null || username.isBlank() || username.length() > MAX_USERNAME_LENGTH) {
            return new Result(Outcome.UNKNOWN_USER, null);
        }
        if (password == null || password.length == 0) {
            return new Result(Outcome.WRONG_PASSWORD, null);
        }
        DirContext service = connect(s, s.bindDn(), s.bindPassword().toCharArray(), true);
        try {
            Optional<SearchResult> entry = findUser(s, service, username);
            if (entry.isEmpty()) {
                return new Result(Outcome.UNKNOWN_USER, null);
            }
            String dn = entry.get().getNameInNamespace();
            if (!bindAs(s, dn, password)) {
                return new Result(Outcome.WRONG_PASSWORD, null);
            }
            Set<String> groups = groupsOf(s, service, dn, username);
            Attributes attributes = entry.get().getAttributes();
            return new Result(Outcome.ACCEPTED, new DirectoryUser(dn,
                    text(attributes, s.fullNameAttribute()), text(attributes, s.emailAttribute()),
                    Set.copyOf(groups), s.roles().keysOf(groups), s.divisions().keysOf(groups)));
        } catch (NamingException e) {
            throw unavailable(s, e);
        } finally {
            close(service);
        }
    }

    private static Optional<SearchResult> findUser(Settings s, DirContext service, String username)
            throws NamingException {
        SearchControls controls = controls(s);
        List<String> wanted = new ArrayList<>();
        if (!s.fullNameAttribute().isEmpty()) {
            wanted.add(s.fullNameAttribute());
        }
        if (!s.emailAttribute().isEmpty()) {
            wanted.add(s.emailAttribute());
        }
        controls.setReturningAttributes(wanted.toArray(String[]::new));
        // two entries are enough to know the name is ambiguous
        controls.setCountLimit(2);
        List<SearchResult> found = new ArrayList<>();
        // the filter arguments are escaped by JNDI (RFC 4515): "*)(uid=*" matches only itself
        NamingEnumeration<SearchResult> results = service.search(s.userBase(), s.userFilter(),
                new Object[] {username}, controls);
        try {
            while (results.hasMore()) {
                found.add(results.next());
            }
        } catch (javax.naming.SizeLimitExceededException e) {
            // more than two: as ambiguous as two
        } finally {
            results.close();
        }
        if (found.size() > 1) {
            LOG.warn("Directory sign-in refused: the user filter matches {} or more entries for "
                    + "one name; make it match one entry", found.size());
            return Optional.empty();
        }
        return found.stream().findFirst();
    }

    private static boolean bindAs(Settings s, String dn, char[] password)
            throws DirectoryUnavailableException {
        char[] copy = Arrays.copyOf(password, password.length);
        DirContext user;
        try {
            user = connect(s, dn, copy, false);
        } finally {
            Arrays.fill(copy, '\0');
        }
        if (user == null) {
            return false;
        }
        close(user);
        return true;
    }

    private static Set<String> groupsOf(Settings s, DirContext service, String dn, String username)
            throws NamingException {
        Set<String> groups = new LinkedHashSet<>();
        if (s.groupBase().isEmpty() || s.groupFilter().isEmpty()) {
            return groups;
        }
        SearchControls controls = controls(s);
        controls.setReturningAttributes(new String[0]);
        NamingEnumeration<SearchResult> results = service.search(s.groupBase(), s.groupFilter(),
                new Object[] {dn, username}, controls);
        try {
            while (results.hasMore()) {
                groups.add(results.next().getNameInNamespace());
            }
        } finally {
            results.close();
        }
        return groups;
    }

    private static SearchControls controls(Settings s) {
        SearchControls controls = new SearchControls();
        controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
        controls.setTimeLimit(s.readTimeoutMs());
        controls.setDerefLinkFlag(false);
        return controls;
    }

    /**
     * Opens a connection bound as {@code dn}; an empty DN binds anonymously (the service account
     * only). Returns null when a user's bind is refused.
     */
    private static DirContext connect(Settings s, String dn, char[] password, boolean service)
            throws DirectoryUnavailableException {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, FACTORY);
        env.put(Context.PROVIDER_URL, s.url());
        env.put(Context.REFERRAL, "ignore");
        env.put("com.sun.jndi.ldap.connect.timeout", Integer.toString(s.connectTimeoutMs()));
        env.put("com.sun.jndi.ldap.read.timeout", Integer.toString(s.readTimeoutMs()));
        if (dn.isEmpty()) {
            env.put(Context.SECURITY_AUTHENTICATION, "none");
        } else {
            env.put(Context.SECURITY_AUTHENTICATION, "simple");
            env.put(Context.SECURITY_PRINCIPAL, dn);
            env.put(Context.SECURITY_CREDENTIALS, password);
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // JNDI loads the provider through the context class loader, which on a web request
        // thread belongs to some other bundle; this bundle's loader reaches the JDK's provider
        thread.setContextClassLoader(LdapDirectory.class.getClassLoader());
        try {
            return new InitialDirContext(env);
        } catch (AuthenticationException e) {
            if (service) {
                throw new DirectoryUnavailableException("The directory refused the service "
                        + "account " + dn + ": check bindDn and bindPassword", e);
            }
            return null;
        } catch (NamingException e) {
            throw unavailable(s, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static DirectoryUnavailableException unavailable(Settings s, NamingException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new DirectoryUnavailableException("The directory at " + s.url()
                + " did not answer (connect timeout " + s.connectTimeoutMs() + " ms, read timeout "
                + s.readTimeoutMs() + " ms): " + why, e);
    }

    private static String text(Attributes attributes, String name) throws NamingException {
        if (name.isEmpty() || attributes == null) {
            return null;
        }
        Attribute attribute = attributes.get(name);
        Object value = attribute == null ? null : attribute.get();
        return value == null ? null : value.toString();
    }

    private static void close(DirContext context) {
        if (context != null) {
            try {
                context.close();
            } catch (NamingException e) {
                LOG.debug("Could not close a directory connection", e);
            }
        }
    }
}
