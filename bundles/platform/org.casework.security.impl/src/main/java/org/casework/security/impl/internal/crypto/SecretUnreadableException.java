package org.casework.security.impl.internal.crypto;

/**
 * A stored secret could not be decrypted: it was changed in the database, copied from another
 * record, or sealed with a key other than the one in use. The message names no secret.
 */
public final class SecretUnreadableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SecretUnreadableException(String message) {
        super(message);
    }
}
