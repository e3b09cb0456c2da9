package org.casework.core.api.spi;

import java.util.Set;

/**
 * A move between workflow states that a user can make.
 *
 * @param key the name a client sends to make the move, e.g. {@code close}
 * @param label the button text in the console
 * @param from the states the move may start from
 * @param to the state the case ends in
 * @param roles the roles that may make the move; empty means anyone who may update the case
 * @param commentRequired whether the caller must give a reason
 */
public record TransitionDefinition(String key, String label, Set<String> from, String to,
        Set<String> roles, boolean commentRequired) {

    public TransitionDefinition {
        from = Set.copyOf(from);
        roles = Set.copyOf(roles == null ? Set.of() : roles);
    }
}
