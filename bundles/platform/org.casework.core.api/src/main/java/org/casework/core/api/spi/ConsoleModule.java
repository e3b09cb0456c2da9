package org.casework.core.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's entry in the web console's navigation. A module registers one service per entry; the
 * console shows an entry only to callers holding {@link #requiredRole()} and only while the service
 * is registered, so installing or removing a module adds or removes its pages without a restart.
 * The pages themselves are served by the module's own bundle, typically under
 * {@code /console/<key>/} through the HTTP Whiteboard, or are the generic case pages
 * ({@code #/cases/<type>}).
 */
@ConsumerType
public interface ConsoleModule {

    /** A stable key, unique across modules. */
    String key();

    /** The navigation label. */
    String label();

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
}
