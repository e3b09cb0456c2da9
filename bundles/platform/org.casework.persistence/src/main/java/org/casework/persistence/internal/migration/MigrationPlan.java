package org.casework.persistence.internal.migration;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a bundle's migration files into the ordered list of scripts for one database product. */
final class MigrationPlan {

    /** {@code V<n>__<description>.sql} or {@code V<n>__<description>.<dialect>.sql}. */
    private static final Pattern NAME =
            Pattern.compile("V(\\d+)__(.+?)(?:\\.(derby|postgresql))?\\.sql");

    private MigrationPlan() {
    }

    /**
     * Chooses, for every migration number, the dialect variant for {@code product} when there is
     * one and the plain script otherwise.
     *
     * @param files file name (without folder) to content; names that do not follow the convention
     *     are refused, so a typo never silently skips a script
     * @param product {@code derby}, {@code postgresql} or another product's lower-case name
     * @return the scripts in ascending order of version
     * @throws MigrationException on a bad name, two scripts for one number, or a number that has
     *     only variants for other databases
     */
    static List<MigrationScript> select(Map<String, byte[]> files, String product) throws MigrationException {
        Map<Integer, Candidates> byVersion = new TreeMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String name = file.getKey();
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new MigrationException(name,
                        "Migration file " + name + " is not named V<n>__<description>[.derby|.postgresql].sql");
            }
            int version;
            try {
                version = Integer.parseInt(m.group(1));
            } catch (NumberFormatException e) {
                throw new MigrationException(name, "Migration number of " + name + " is too large", e);
            }
            String description = m.group(2).replace('_', ' ');
            String dialect = m.group(3);
            MigrationScript script = new MigrationScript(version, description, name,
                    new String(file.getValue(), StandardCharsets.UTF_8));
            byVersion.computeIfAbsent(version, v -> new Candidates()).add(dialect, script);
        }
        List<MigrationScript> plan = new ArrayList<>(byVersion.size());
        for (Map.Entry<Integer, Candidates> entry : byVersion.entrySet()) {
            plan.add(entry.getValue().choose(entry.getKey(), product));
        }
        return plan;
    }

    /** The plain script and dialect variants found for one migration number. */
    private static final class Candidates {
        private MigrationScript plain;
        private final Map<String, MigrationScript> variants = new TreeMap<>();

        void add(String dialect, MigrationScript script) throws MigrationException {
            MigrationScript previous;
            if (dialect == null) {
                previous = plain;
                plain = script;
            } else {
                previous = variants.put(dialect, script);
            }
            if (previous != null) {
                throw new MigrationException(script.name(), "Migration number " + script.version()
                        + " is used by both " + previous.name() + " and " + script.name());
            }
        }

        MigrationScript choose(int version, String product) throws MigrationException {
            MigrationScript variant = variants.get(product);
            if (variant != null) {
                return variant;
            }
            if (plain != null) {
                return plain;
            }
            String some = variants.values().iterator().next().name();
            throw new MigrationException(some, "Migration number " + version + " has no script for "
                    + product + ": add a plain .sql or a ." + product + ".sql variant");
        }
    }
}
