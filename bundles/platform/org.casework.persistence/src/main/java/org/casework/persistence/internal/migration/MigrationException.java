package org.casework.persistence.internal.migration;

/** A bundle's migrations could not be applied; names the script at fault when there is one. */
public final class MigrationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String script;

    MigrationException(String script, String message, Throwable cause) {
        super(message, cause);
        this.script = script;
    }

    MigrationException(String script, String message) {
        this(script, message, null);
    }

    /** The file name of the script at fault, or {@code null} when the failure concerns no script. */
    public String script() {
        return script;
    }
}
