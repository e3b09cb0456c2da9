package org.casework.core.api.spi;

import java.util.List;
import java.util.Optional;

/**
 * The states a case of a type moves through and the transitions between them.
 *
 * @param initialState the key of the state every new case starts in
 */
public record WorkflowDefinition(String initialState, List<StateDefinition> states,
        List<TransitionDefinition> transitions) {

    public WorkflowDefinition {
        states = List.copyOf(states);
        transitions = List.copyOf(transitions);
        java.util.Set<String> keys = new java.util.HashSet<>();
        states.forEach(s -> keys.add(s.key()));
        if (!keys.contains(initialState)) {
            throw new IllegalArgumentException("Unknown initial state " + initialState);
        }
        if (keys.size() != states.size()) {
            throw new IllegalArgumentException("Duplicate state keys");
        }
        for (TransitionDefinition t : transitions) {
            if (!keys.contains(t.to()) || !keys.containsAll(t.from())) {
                throw new IllegalArgumentException("Transition " + t.key() + " names an unknown state");
            }
        }
    }

    public Optional<StateDefinition> state(String key) {
        return states.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public Optional<TransitionDefinition> transition(String key) {
        return transitions.stream().filter(t -> t.key().equals(key)).findFirst();
    }
}
