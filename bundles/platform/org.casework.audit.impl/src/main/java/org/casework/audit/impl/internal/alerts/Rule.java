package org.casework.audit.impl.internal.alerts;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of misuse the alert rules look for; {@link #key()} is what the API and the table hold. */
public enum Rule {
    /** One user viewed more distinct records than allowed within the window. */
    BULK_VIEWING("bulk-viewing"),
    /** A successful sign-in outside working hours. */
    OFF_HOURS_SIGN_IN("off-hours-sign-in"),
    /** Repeated failed sign-ins for one user name or from one network address. */
    SIGN_IN_FAILURES("sign-in-failures"),
    /** One user exported more often than allowed within the window. */
    BULK_EXPORT("bulk-export");

    private final String key;

    Rule(String key) {
        this.key = key;
    }

    /** The rule's stable name. */
    public String key() {
        return key;
    }

    /** The rule named {@code key}, if any. */
    public static Optional<Rule> of(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }
}
