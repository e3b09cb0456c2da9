package org.casework.security.impl.internal.password;

import java.util.ArrayList;
import java.util.List;

import org.casework.core.api.FieldError;

/** What a new password must be: at least 12 characters, and not the user name. */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    /** Longer input is refused so that hashing cannot be abused to burn CPU. */
    public static final int MAX_LENGTH = 1024;

    private PasswordRules() {
    }

    /**
     * The rules the password breaks, as field errors on {@code field} (empty when it is fine).
     *
     * @param field the JSON field the password came in, e.g. {@code newPassword}
     */
    public static List<FieldError> check(String field, char[] password, String username) {
        List<FieldError> errors = new ArrayList<>();
        if (password == null || password.length == 0) {
            errors.add(new FieldError(field, "required", "Enter a password."));
            return errors;
        }
        if (password.length < MIN_LENGTH) {
            errors.add(new FieldError(field, "minLength",
                    "The password must be at least " + MIN_LENGTH + " characters long."));
        }
        if (password.length > MAX_LENGTH) {
            errors.add(new FieldError(field, "maxLength",
                    "The password must be at most " + MAX_LENGTH + " characters long."));
        }
        if (username != null && new String(password).strip().equalsIgnoreCase(username)) {
            errors.add(new FieldError(field, "notUsername",
                    "The password must not be the user name."));
        }
        return errors;
    }
}
