package org.casework.console.internal.rest;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.casework.core.api.Caller;
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
     * The entries the caller may see: those without a required role and those whose role the
     * caller holds, sorted by order, then label, then key. A key registered twice is shown once.
     */
    List<ConsoleModuleView> visibleTo(Caller caller) {
        List<ConsoleModuleView> views = new ArrayList<>();
        for (ConsoleModule module : modules) {
            try {
                String role = module.requiredRole();
                if (role == null || role.isBlank() || caller.hasRole(role)) {
                    views.add(new ConsoleModuleView(module.key(), module.label(), module.entryPath(),
                            module.order()));
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

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
