package org.casework.security.impl.internal.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the installation's secrets key for the {@link SecretBox}, which is never in the
 * database: from the environment variable {@value #ENV} (Base64 of 32 bytes) when set, else from
 * {@code ${karaf.data}/}{@value #FILE_NAME}, which is generated at first start, readable by the
 * owner only. A key that is present but malformed stops the component rather than being replaced:
 * a new key would make every stored secret unreadable.
 */
public final class SecretKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SecretKeys.class);

    public static final String ENV = "CASEWORK_SECRETS_KEY";
    public static final String FILE_NAME = "casework-secrets.key";

    private SecretKeys() {
    }

    /** The key from the process environment, else from {@code ${karaf.data}}. */
    static byte[] fromEnvironment() {
        String data = System.getProperty("karaf.data");
        return load(System::getenv, data == null ? null : Path.of(data));
    }

    /**
     * The key from {@code env} ({@value #ENV}), else from the key file in
     * {@code dataDir}, generating that file when it does not exist.
     *
     * @throws IllegalStateException when the key is malformed or there is nowhere to keep it
     */
    static byte[] load(UnaryOperator<String> env, Path dataDir) {
        String given = env.apply(ENV);
        if (given != null && !given.isBlank()) {
            return decode(given.strip(), "the environment variable " + ENV);
        }
        if (dataDir == null) {
            throw new IllegalStateException("Neither " + ENV + " nor karaf.data is set: there is "
                    + "no key to encrypt stored secrets with");
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                generate(dataDir, file);
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return decode(text, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the secrets key " + file, e);
        }
    }

    private static byte[] decode(String text, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The secrets key in " + source + " is not valid Base64");
        }
        if (key.length != SecretBox.KEY_BYTES) {
            Arrays.fill(key, (byte) 0);
            throw new IllegalStateException("The secrets key in " + source + " must be "
                    + SecretBox.KEY_BYTES + " bytes (Base64 of 32 random bytes)");
        }
        return key;
    }

    private static void generate(Path dataDir, Path file) throws IOException {
        byte[] key = new byte[SecretBox.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        byte[] text = Base64.getEncoder().encode(key);
        Arrays.fill(key, (byte) 0);
        try {
            Files.createDirectories(dataDir);
            OwnerOnlyFile.create(file, text);
            LOG.info("Generated the secrets key {}; keep it with the backups of the database",
                    file);
        } catch (FileAlreadyExistsException e) {
            // another start won the race: use its key
            LOG.debug("The secrets key {} appeared meanwhile", file);
        } finally {
            Arrays.fill(text, (byte) 0);
        }
    }
}
