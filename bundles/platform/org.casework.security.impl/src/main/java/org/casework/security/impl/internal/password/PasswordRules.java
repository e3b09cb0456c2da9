package org.casework.security.impl.internal.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.casework.core.api.FieldError;

/**
 * What a new password must be, after NIST SP 800-63B 5.1.1.2: 12 to 128 characters, not on the
 * shipped list of predictable passwords, and not containing the user name. There are deliberately
 * no composition rules (upper case, digits, symbols) and no expiry.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    /** Longer new passwords are refused so that hashing cannot be abused to burn CPU. */
    public static final int MAX_LENGTH = 128;
    /**
     * The longest password sign-in still checks: accounts made before the 128 limit may hold
     * longer ones.
     */
    public static final int MAX_SIGN_IN_LENGTH = 1024;
    static final String LIST = "common-passwords.txt";

    private static final Set<String> COMMON = load();

    private PasswordRules() {
    }

    private static Set<String> load() {
        Set<String> common = new HashSet<>(32_768);
        try (InputStream in = PasswordRules.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("The list of common passwords " + LIST + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    common.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(common);
    }

    /** How many passwords the shipped list holds. */
    static int commonCount() {
        return COMMON.size();
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
            return errors;
        }
        String lower = new String(password).strip().toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank()
                && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            errors.add(new FieldError(field, "containsUsername",
                    "The password must not contain the user name."));
        }
        if (COMMON.contains(lower)) {
            errors.add(new FieldError(field, "common",
                    "This password is too common and easy to guess. Choose a less predictable one, "
                            + "such as a few unrelated words."));
        }
        return errors;
    }
}
