package org.casework.security.impl.internal.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher fast = new PasswordHasher(1_000);

    @Test
    void defaultCostMeetsTheFloor() {
        assertTrue(PasswordHasher.DEFAULT_ITERATIONS >= 210_000);
        String hash = new PasswordHasher().hash("a long enough password".toCharArray());
        assertTrue(hash.startsWith("pbkdf2-sha256$210000$"), hash);
    }

    @Test
    void hashIsSelfDescribingWithSixteenByteSaltAndSha256Output() {
        String[] parts = fast.hash("correct horse battery".toCharArray()).split("\\$");
        assertEquals(4, parts.length);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals("1000", parts[1]);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = fast.hash("correct horse battery".toCharArray());
        assertTrue(fast.verify("correct horse battery".toCharArray(), hash));
        assertFalse(fast.verify("correct horse batterY".toCharArray(), hash));
        assertFalse(fast.verify(new char[0], hash));
    }

    @Test
    void saltMakesEqualPasswordsHashDifferently() {
        assertNotEquals(fast.hash("same password!!".toCharArray()),
                fast.hash("same password!!".toCharArray()));
    }

    @Test
    void storedCostIsUsedNotTheCurrentOne() {
        String old = fast.hash("an older password".toCharArray());
        PasswordHasher stronger = new PasswordHasher(2_000);
        assertTrue(stronger.verify("an older password".toCharArray(), old));
        assertTrue(stronger.needsRehash(old));
        assertFalse(fast.needsRehash(old));
    }

    @Test
    void malformedHashesNeverMatch() {
        char[] pw = "whatever password".toCharArray();
        assertFalse(fast.verify(pw, null));
        assertFalse(fast.verify(pw, ""));
        assertFalse(fast.verify(pw, "plaintext"));
        assertFalse(fast.verify(pw, "md5$1$abc$def"));
        assertFalse(fast.verify(pw, "pbkdf2-sha256$x$abc$def"));
        assertFalse(fast.verify(pw, "pbkdf2-sha256$0$abc$def"));
        assertFalse(fast.verify(pw, "pbkdf2-sha256$999999999$abc$def"));
        assertFalse(fast.verify(pw, "pbkdf2-sha256$1000$!!!$def"));
    }

    @Test
    void dummyCheckIsAlwaysFalse() {
        assertFalse(fast.verifyDummy("not a real password".toCharArray()));
    }
}
