package org.casework.console.internal.rest;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.casework.core.api.Caller;
import org.casework.core.api.access.Permission;
import org.casework.core.api.spi.ConsoleModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the console modules currently registered and answers which of them a caller may see, in
 * navigation order. Safe for concurrent use: modules come and go on OSGi threads while requests
 * read on HTTP threads.
 */
final class ConsoleModuleCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleModuleCatalog.class);

    private final List<ConsoleModule> modules = new CopyOnWriteArrayList<>();

    void add(ConsoleModule module) {
        modules.add(module);
    }

    void remove(ConsoleModule module) {
        modules.remove(module);
    }

    /**
     * The entries the caller may see: those whose required role (if any) the caller holds and one
     * of whose required permissions (if any) the caller holds, sorted by order, then label, then
     * key. A key registered twice is shown once.
     */
    List<ConsoleModuleView> visibleTo(Caller caller) {
        List<ConsoleModuleView> views = new ArrayList<>();
        for (ConsoleModule module : modules) {
            try {
                String role = module.requiredRole();
                if ((role == null || role.isBlank() || caller.hasRole(role))
                        && holdsOne(caller, module.requiredPermissions())) {
                    views.add(new ConsoleModuleView(module.key(), module.label(), labels(module.labels()),
                            module.entryPath(), module.order(), caseTypes(module.caseSections())));
                }
            } catch (RuntimeException e) {
                // One faulty module must not take the whole navigation down.
                LOG.warn("Console module {} failed to describe itself; left out of the navigation",
                        module.getClass().getName(), e);
            }
        }
        Collator collator = Collator.getInstance(Locale.ROOT);
        collator.setStrength(Collator.SECONDARY);
        views.sort(Comparator.comparingInt(ConsoleModuleView::order)
                .thenComparing(v -> nullToEmpty(v.label()), collator)
                .thenComparing(v -> nullToEmpty(v.key())));
        Set<String> seen = new LinkedHashSet<>();
        views.removeIf(v -> !seen.add(nullToEmpty(v.key())));
        return views;
    }

    /**
     * Whether the caller holds one of the permissions (any scope); true for none. An entry that
     * cannot be read as {@code resource:action[:scope]} grants nothing, so a module with only
     * malformed permissions is shown to administrators alone.
     */
    static boolean holdsOne(Caller caller, Set<String> permissions) {
        if (permissions == null || permissions.isEmpty()) {
            return true;
        }
        if (caller.isAdmin()) {
            return true;
        }
        for (String text : permissions) {
            try {
                Permission wanted = Permission.parse(text);
                if (Permission.held(caller, wanted.resource(), wanted.action())) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                LOG.warn("Console module permission \"{}\" is not resource:action; it grants nothing", text);
            }
        }
        return false;
    }

    /** The labels with a language code and a text, lower-case codes; blank or null entries left out. */
    private static Map<String, String> labels(Map<String, String> given) {
        Map<String, String> clean = new TreeMap<>();
        if (given != null) {
            given.forEach((lang, text) -> {
                if (lang != null && !lang.isBlank() && text != null && !text.isBlank()) {
                    clean.put(lang.strip().toLowerCase(Locale.ROOT), text);
                }
            });
        }
        return clean;
    }

    /** The case type keys, sorted, blanks left out. */
    private static List<String> caseTypes(Set<String> given) {
        if (given == null) {
            return List.of();
        }
        return given.stream().filter(k -> k != null && !k.isBlank()).map(String::strip).sorted().toList();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
