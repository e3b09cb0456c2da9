package org.casework.security.impl.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AES-256-GCM sealing of stored secrets, and where its key comes from. */
class SecretBoxTest {

    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static final String CONTEXT = "cw_user.totp_secret:sam";

    @TempDir
    Path data;

    @Test
    void aSealedValueOpensWithTheSameKeyAndContext() {
        SecretBox box = SecretBox.ephemeral();
        String sealed = box.seal(SECRET, CONTEXT);
        assertTrue(sealed.startsWith("v1:"), sealed);
        assertFalse(sealed.contains(SECRET));
        assertTrue(sealed.length() <= 255, sealed);
        assertEquals(SECRET, box.open(sealed, CONTEXT));
        // a fresh IV each time: equal secrets do not look equal
        assertNotEquals(sealed, box.seal(SECRET, CONTEXT));
    }

    @Test
    void aChangedValueIsRefused() {
        SecretBox box = SecretBox.ephemeral();
        String sealed = box.seal(SECRET, CONTEXT);
        String[] parts = sealed.split(":");
        byte[] ciphertext = Base64.getDecoder().decode(parts[2]);
        ciphertext[0] ^= 1;
        String tampered = parts[0] + ":" + parts[1] + ":"
                + Base64.getEncoder().withoutPadding().encodeToString(ciphertext);
        assertThrows(SecretUnreadableException.class, () -> box.open(tampered, CONTEXT));
        assertThrows(SecretUnreadableException.class, () -> box.open("v1:abc", CONTEXT));
        assertThrows(SecretUnreadableException.class, () -> box.open("v1:!!:!!", CONTEXT));
        assertThrows(SecretUnreadableException.class, () -> box.open(SECRET, CONTEXT));
    }

    @Test
    void anotherKeyOrAnotherRecordIsRefused() {
        String sealed = SecretBox.ephemeral().seal(SECRET, CONTEXT);
        assertThrows(SecretUnreadableException.class,
                () -> SecretBox.ephemeral().open(sealed, CONTEXT));
        SecretBox box = SecretBox.ephemeral();
        String sams = box.seal(SECRET, CONTEXT);
        // copied into another user's row
        assertThrows(SecretUnreadableException.class,
                () -> box.open(sams, "cw_user.totp_secret:eve"));
    }

    @Test
    void theKeyFileIsGeneratedOwnerOnlyAndKeptAcrossStarts() throws Exception {
        byte[] first = SecretKeys.load(name -> null, data);
        Path file = data.resolve(SecretKeys.FILE_NAME);
        assertTrue(Files.isRegularFile(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(32, first.length);
        assertArrayEquals(first, SecretKeys.load(name -> null, data));
        String sealed = new SecretBox(first).seal(SECRET, CONTEXT);
        assertEquals(SECRET, new SecretBox(SecretKeys.load(name -> null, data)).open(sealed, CONTEXT));
    }

    @Test
    void theEnvironmentVariableWinsOverTheFile() {
        byte[] key = new byte[32];
        key[0] = 7;
        String encoded = Base64.getEncoder().encodeToString(key);
        Map<String, String> env = Map.of(SecretKeys.ENV, encoded);
        assertArrayEquals(key, SecretKeys.load(env::get, data));
        assertFalse(Files.exists(data.resolve(SecretKeys.FILE_NAME)));
    }

    @Test
    void aMalformedKeyStopsRatherThanBeingReplaced() throws Exception {
        assertThrows(IllegalStateException.class,
                () -> SecretKeys.load(Map.of(SecretKeys.ENV, "not base64!")::get, data));
        assertThrows(IllegalStateException.class,
                () -> SecretKeys.load(Map.of(SecretKeys.ENV, "c2hvcnQ=")::get, data));
        Path file = data.resolve(SecretKeys.FILE_NAME);
        Files.writeString(file, "c2hvcnQ=");
        assertThrows(IllegalStateException.class, () -> SecretKeys.load(name -> null, data));
        assertEquals("c2hvcnQ=", Files.readString(file));
        assertThrows(IllegalStateException.class, () -> SecretKeys.load(name -> null, null));
    }
}
