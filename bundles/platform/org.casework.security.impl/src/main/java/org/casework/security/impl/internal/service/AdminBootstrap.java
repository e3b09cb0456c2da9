package org.casework.security.impl.internal.service;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.casework.core.api.FieldError;
import org.casework.core.api.Roles;
import org.casework.security.impl.internal.crypto.OwnerOnlyFile;
import org.casework.security.impl.internal.password.PasswordHasher;
import org.casework.security.impl.internal.password.PasswordRules;
import org.casework.security.impl.internal.persistence.SecurityStore;
import org.casework.security.impl.internal.persistence.UserEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a fresh installation can be signed in to: when no account exists, creates
 * {@code admin} (roles admin and staff). Its password comes from the environment variable
 * {@value #ENV}, else the system property {@value #PROPERTY}; otherwise one is generated, shown
 * once on the console, written to {@code ${karaf.data}/}{@value #FILE_NAME} readable by the owner
 * only, and must be changed at first sign-in. The password is never logged.
 */
@Component(service = AdminBootstrap.class, immediate = true)
public final class AdminBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    public static final String ENV = "CASEWORK_ADMIN_PASSWORD";
    public static final String PROPERTY = "casework.admin.password";
    public static final String FILE_NAME = "casework-admin-password.txt";
    public static final String ADMIN = "admin";
    static final int GENERATED_LENGTH = 20;
    /** No look-alike characters (0/O, 1/l/I), so the password can be typed from a screen. */
    private static final char[] ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    private final SecurityStore store;
    private final PasswordHasher hasher;
    private final UnaryOperator<String> env;
    private final UnaryOperator<String> properties;
    private final Path dataDir;
    private final PrintStream console;
    private final Clock clock;

    @Activate
    public AdminBootstrap(@Reference SecurityStore store) {
        this(store, new PasswordHasher(), System::getenv, System::getProperty,
                System.getProperty("karaf.data") == null ? null : Path.of(System.getProperty("karaf.data")),
                // deliberately the console, not the log: the generated password must reach the
                // operator once, and must never be kept in log files
                System.out, Clock.systemUTC());
        run();
    }

    AdminBootstrap(SecurityStore store, PasswordHasher hasher, UnaryOperator<String> env,
            UnaryOperator<String> properties, Path dataDir, PrintStream console, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.env = env;
        this.properties = properties;
        this.dataDir = dataDir;
        this.console = console;
        this.clock = clock;
    }

    /** What happened: nothing to do, an operator-given password, or a generated one. */
    enum Outcome { USERS_EXIST, GIVEN_PASSWORD, GENERATED_PASSWORD, LOST_RACE }

    Outcome run() {
        if (store.countUsers() > 0) {
            return Outcome.USERS_EXIST;
        }
        char[] password = given(env.apply(ENV), "environment variable " + ENV);
        if (password == null) {
            password = given(properties.apply(PROPERTY), "system property " + PROPERTY);
        }
        boolean generated = password == null;
        if (generated) {
            password = generate();
        }
        try {
            UserEntity admin = new UserEntity(ADMIN, "Administrator", null, hasher.hash(password),
                    new LinkedHashSet<>(List.of(Roles.ADMIN, Roles.STAFF)), Set.of(), generated,
                    clock.instant());
            if (store.insertUser(admin).isEmpty()) {
                // another node sharing the database created it first
                return Outcome.LOST_RACE;
            }
            if (!generated) {
                LOG.info("Created the first account '{}' with the password given by the operator",
                        ADMIN);
                return Outcome.GIVEN_PASSWORD;
            }
            Path file = writePasswordFile(password);
            announce(password, file);
            LOG.info("Created the first account '{}' with a generated password{}; it must be "
                    + "changed at first sign-in", ADMIN, file == null ? "" : " (see " + file + ")");
            return Outcome.GENERATED_PASSWORD;
        } finally {
            PasswordHasher.wipe(password);
        }
    }

    private char[] given(String value, String source) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        char[] password = value.toCharArray();
        List<FieldError> problems = PasswordRules.check("password", password, ADMIN);
        if (!problems.isEmpty()) {
            LOG.error("The admin password in the {} is not accepted ({}); a password is generated "
                    + "instead", source, problems.get(0).message());
            PasswordHasher.wipe(password);
            return null;
        }
        return password;
    }

    static char[] generate() {
        SecureRandom random = new SecureRandom();
        char[] password = new char[GENERATED_LENGTH];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return password;
    }

    /** Writes the password readable by the owner only; returns null when there is nowhere to. */
    private Path writePasswordFile(char[] password) {
        if (dataDir == null) {
            LOG.warn("karaf.data is not set: the generated admin password is only on the console");
            return null;
        }
        Path file = dataDir.resolve(FILE_NAME);
        byte[] content = ("Casework first sign-in\nuser name: " + ADMIN + "\npassword: "
                + new String(password) + "\n\nYou must choose a new password at first sign-in. "
                + "Delete this file afterwards.\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(file);
            OwnerOnlyFile.create(file, content);
            return file;
        } catch (IOException e) {
            LOG.error("Could not write the generated admin password to {}", file, e);
            return null;
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    private void announce(char[] password, Path file) {
        String line = "=".repeat(72);
        console.println(line);
        console.println(" Casework: the first account has been created.");
        console.println("   user name: " + ADMIN);
        console.println("   password:  " + new String(password));
        console.println(" You must choose a new password at first sign-in.");
        if (file != null) {
            console.println(" The password is also in " + file + " (owner-only); delete it then.");
        }
        console.println(" This is shown only once.");
        console.println(line);
        console.flush();
    }
}
