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
        assertTrue(rules("tulip harbour", "sam").isEmpty());
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
        assertEquals(List.of("containsUsername"), rules("quentinbarrow", "quentinbarrow"));
        assertEquals(List.of("containsUsername"), rules("QuentinBarrow", "quentinbarrow"));
        assertEquals(List.of("containsUsername"), rules("my name is JSMITH, ok", "jsmith"));
    }

    @Test
    void fieldNameIsThePassedOne() {
        assertEquals("password", PasswordRules.check("password", "short".toCharArray(), "x")
                .get(0).field());
    }

    @Test
    void predictablePasswordsAreRefused() {
        assertTrue(PasswordRules.commonCount() >= 3000, "the shipped list has thousands of entries");
        assertEquals(List.of("common"), rules("Password2024!", "sam"));
        assertEquals(List.of("common"), rules("qwertyuiop123", "sam"));
        assertEquals(List.of("common"), rules("1qaz2wsx3edc", "sam"));
        assertTrue(rules("violet tractor lamp", "sam").isEmpty());
    }

    @Test
    void oneHundredTwentyEightIsTheLimit() {
        assertTrue(rules("y".repeat(PasswordRules.MAX_LENGTH - 1) + "z", "sam").isEmpty());
    }

    @Test
    void absurdlyLongPasswordsAreRefused() {
        assertEquals(List.of("maxLength"), rules("x".repeat(PasswordRules.MAX_LENGTH + 1), "sam"));
    }
}
