package org.casework.security.api;

/**
 * The user name and password were right, but the account has two-factor sign-in on and no
 * one-time code or recovery code was given. The caller should ask for a code and try again.
 *
 * @since 1.2
 */
public class OtpRequiredException extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    public OtpRequiredException(String message) {
        super(message);
    }
}
