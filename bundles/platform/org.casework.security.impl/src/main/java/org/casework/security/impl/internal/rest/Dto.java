package org.casework.security.impl.internal.rest;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

import org.casework.core.api.Caller;

/** The JSON shapes of the security endpoints. */
final class Dto {

    private Dto() {
    }

    /**
     * {@code POST /session} and {@code POST /tokens}; {@code otp} or {@code recoveryCode} for
     * accounts with two-factor sign-in on.
     */
    record Credentials(String username, String password, String otp, String recoveryCode) {
    }

    /** {@code POST /users/me/totp/confirm} and {@code DELETE /users/me/totp}. */
    record OtpCode(String code) {
    }

    /** A new two-factor enrolment: shown once, never again. */
    record TotpEnrolment(String secret, String otpauthUri, List<String> recoveryCodes) {
    }

    /** What a console session knows about its user. */
    record SessionView(String username, String displayName, List<String> roles,
            boolean passwordChangeRequired, String csrfToken, Instant expiresAt) {

        static SessionView of(Caller caller, String csrfToken, Instant expiresAt) {
            return new SessionView(caller.username(), caller.displayName(),
                    List.copyOf(new TreeSet<>(caller.roles())), caller.passwordChangeRequired(),
                    csrfToken, expiresAt);
        }
    }

    /** A new API token; shown once. */
    record TokenView(String token, Instant expiresAt) {
    }

    /** {@code POST /users/me/password}. */
    record PasswordChange(String currentPassword, String newPassword) {
    }

    /** {@code POST /users/{username}/password-reset}: the temporary password, shown once. */
    record PasswordReset(String username, String temporaryPassword, boolean passwordChangeRequired) {
    }
}
