package org.casework.security.impl.internal.directory;

/**
 * The directory could not answer: unreachable, too slow, or the service account was refused. Says
 * nothing about the user.
 */
public final class DirectoryUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
