package org.casework.core.api.spi;

import java.util.Map;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's entry in the web console's navigation. A module registers one service per entry; the
 * console shows an entry only to callers holding {@link #requiredRole()} and one of
 * {@link #requiredPermissions()}, and only while the service is registered, so installing or removing a module adds or removes its pages without a restart.
 * The pages themselves are served by the module's own bundle, typically under
 * {@code /console/<key>/} through the HTTP Whiteboard, or are the generic case pages
 * ({@code #/cases/<type>}).
 */
@ConsumerType
public interface ConsoleModule {

    /** A stable key, unique across modules. */
    String key();

    /** The navigation label, in English; the label for languages {@link #labels()} does not name. */
    String label();

    /**
     * The navigation label per language, keyed by the language's ISO 639-1 code as the console
     * uses it ({@code "es"}); the console shows the one for its page's language and falls back to
     * {@link #label()}. Empty (the default) when the module speaks English only.
     *
     * @since 1.4
     */
    default Map<String, String> labels() {
        return Map.of();
    }

    /** Where the entry leads: an absolute path or a console route such as {@code #/cases/congress}. */
    String entryPath();

    /** Position in the navigation, lower first. */
    default int order() {
        return 100;
    }

    /** The role a caller needs to see the entry; {@code null} for every signed-in user. */
    default String requiredRole() {
        return null;
    }

    /**
     * Permissions ({@code resource:action}, e.g. {@code facilities:read}) of which the caller must
     * hold at least one, at any scope, to see the entry, in addition to {@link #requiredRole()};
     * administrators hold every permission. Empty (the default): no permission is checked. The
     * server still checks each request the module's pages make; this only keeps the navigation to
     * what the caller can open.
     *
     * @since 1.4
     */
    default Set<String> requiredPermissions() {
        return Set.of();
    }

    /**
     * The case types (their keys, e.g. {@code immigration-case}) on whose generic case page
     * ({@code #/cases/<type>/<id>}) this module adds a section of its own. The console then loads
     * the module's script {@code /console/<key>/pages.js} and calls its export
     * {@code caseSection({type, id, record, definition})}, which answers the section's element (or
     * {@code null} for none), in the browser, while the case page loads; a script that fails leaves
     * the page without the section. Only callers who may see this entry get the section. Empty (the
     * default): no section.
     *
     * @since 1.4
     */
    default Set<String> caseSections() {
        return Set.of();
    }
}
