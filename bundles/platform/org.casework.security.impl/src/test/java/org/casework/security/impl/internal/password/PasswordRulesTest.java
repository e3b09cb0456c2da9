package org.casework.security.impl.internal.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.casework.core.api.FieldError;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    private static List<String> rules(String password, String username) {
        return PasswordRules.check("newPassword", password == null ? null : password.toCharArray(),
                username).stream().map(FieldError::rule).toList();
    }

    @Test
    void twelveCharactersAreEnough() {
        assertTrue(rules("abcdefghijkl", "sam").isEmpty());
    }

    @Test
    void elevenAreNot() {
        List<FieldError> errors = PasswordRules.check("newPassword", "abcdefghijk".toCharArray(), "sam");
        assertEquals(1, errors.size());
        assertEquals("newPassword", errors.get(0).field());
        assertEquals("minLength", errors.get(0).rule());
    }

    @Test
    void missingPasswordIsRequired() {
        assertEquals(List.of("required"), rules(null, "sam"));
        assertEquals(List.of("required"), rules("", "sam"));
    }

    @Test
    void theUserNameIsNotAPassword() {
        assertEquals(List.of("notUsername"), rules("administrator", "administrator"));
        assertEquals(List.of("notUsername"), rules("Administrator", "administrator"));
    }

    @Test
    void fieldNameIsThePassedOne() {
        assertEquals("password", PasswordRules.check("password", "short".toCharArray(), "x")
                .get(0).field());
    }

    @Test
    void absurdlyLongPasswordsAreRefused() {
        assertEquals(List.of("maxLength"), rules("x".repeat(PasswordRules.MAX_LENGTH + 1), "sam"));
    }
}
