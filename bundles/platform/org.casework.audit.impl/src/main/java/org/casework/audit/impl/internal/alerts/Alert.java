package org.casework.audit.impl.internal.alerts;

import java.time.Instant;

/**
 * An alert as a rule raises it, before it is stored.
 *
 * @param rule the rule that fired
 * @param username the user concerned, or null (failures from one address)
 * @param sourceAddress the network address concerned, or null
 * @param raisedAt when the rule fired: the time of the entry that tipped it
 * @param summary one plain sentence for the console list and the mail subject
 * @param detail what the rule counted, for the officer
 */
public record Alert(Rule rule, String username, String sourceAddress, Instant raisedAt, String summary,
        String detail) {
}
