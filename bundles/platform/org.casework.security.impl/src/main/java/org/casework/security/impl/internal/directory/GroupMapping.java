package org.casework.security.impl.internal.directory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Maps directory groups to Casework keys (roles or divisions), from the configured form
 * {@code group -> key, key; group -> key}. A group is written as its full DN, compared as a DN
 * (case and spacing do not matter), or as a bare name, compared with the value of the group's
 * first RDN (its cn), ignoring case. Immutable.
 */
public final class GroupMapping {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Map<LdapName, Set<String>> byDn;
    private final Map<String, Set<String>> byName;

    private GroupMapping(Map<LdapName, Set<String>> byDn, Map<String, Set<String>> byName) {
        this.byDn = byDn;
        this.byName = byName;
    }

    /**
     * Reads the configured form; blank means no mapping.
     *
     * @param setting the name of the setting, for the error message
     * @throws IllegalArgumentException naming the setting and the entry that is wrong
     */
    public static GroupMapping parse(String setting, String text) {
        Map<LdapName, Set<String>> byDn = new LinkedHashMap<>();
        Map<String, Set<String>> byName = new LinkedHashMap<>();
        if (text != null) {
            for (String entry : text.split(";")) {
                if (entry.isBlank()) {
                    continue;
                }
                int arrow = entry.lastIndexOf("->");
                if (arrow < 0) {
                    throw new IllegalArgumentException(setting + ": '" + entry.strip()
                            + "' is not 'group -> key, key'");
                }
                String group = entry.substring(0, arrow).strip();
                Set<String> keys = new LinkedHashSet<>();
                for (String key : entry.substring(arrow + 2).split(",")) {
                    String k = key.strip();
                    if (!KEY.matcher(k).matches()) {
                        throw new IllegalArgumentException(setting + ": '" + k + "' for " + group
                                + " is not a key of 1 to 64 letters, digits, dots, hyphens or "
                                + "underscores");
                    }
                    keys.add(k);
                }
                if (group.isEmpty()) {
                    throw new IllegalArgumentException(setting + ": an entry has no group");
                }
                if (group.contains("=")) {
                    try {
                        byDn.computeIfAbsent(new LdapName(group), g -> new LinkedHashSet<>())
                                .addAll(keys);
                    } catch (InvalidNameException e) {
                        throw new IllegalArgumentException(setting + ": '" + group
                                + "' is not a valid DN", e);
                    }
                } else {
                    byName.computeIfAbsent(group.toLowerCase(Locale.ROOT),
                            g -> new LinkedHashSet<>()).addAll(keys);
                }
            }
        }
        return new GroupMapping(Map.copyOf(byDn), Map.copyOf(byName));
    }

    /** Whether no group is mapped. */
    public boolean isEmpty() {
        return byDn.isEmpty() && byName.isEmpty();
    }

    /** The keys the given groups (DNs as the directory returned them) map to. */
    public Set<String> keysOf(Collection<String> groupDns) {
        Set<String> keys = new LinkedHashSet<>();
        for (String dn : groupDns) {
            LdapName name;
            try {
                name = new LdapName(dn);
            } catch (InvalidNameException e) {
                continue;
            }
            keys.addAll(byDn.getOrDefault(name, Set.of()));
            List<Rdn> rdns = name.getRdns();
            if (!rdns.isEmpty()) {
                // the leftmost RDN is the last in LdapName's order
                Object value = rdns.get(rdns.size() - 1).getValue();
                keys.addAll(byName.getOrDefault(String.valueOf(value).toLowerCase(Locale.ROOT),
                        Set.of()));
            }
        }
        return java.util.Collections.unmodifiableSet(keys);
    }
}
