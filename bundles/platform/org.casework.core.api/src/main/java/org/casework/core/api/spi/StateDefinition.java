package org.casework.core.api.spi;

/**
 * A workflow state.
 *
 * @param key the stored status value, upper case, e.g. {@code IN_PROGRESS}
 * @param label what the console shows
 * @param closed whether a case in this state counts as inactive (closed) in queues and reports
 */
public record StateDefinition(String key, String label, boolean closed) {
}
