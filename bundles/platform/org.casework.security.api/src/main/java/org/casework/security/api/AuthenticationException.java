package org.casework.security.api;

/**
 * Sign-in failed. The message is safe to show: it never says whether the user name exists.
 */
public class AuthenticationException extends Exception {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }
}
