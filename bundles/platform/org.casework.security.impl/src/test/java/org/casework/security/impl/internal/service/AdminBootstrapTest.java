package org.casework.security.impl.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casework.core.api.Caller;
import org.casework.security.impl.internal.password.PasswordHasher;
import org.casework.security.impl.internal.persistence.DerbyJpa;
import org.casework.security.impl.internal.persistence.SecurityStore;
import org.casework.security.impl.internal.persistence.UserRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminBootstrapTest {

    @TempDir
    Path data;

    private DerbyJpa db;
    private SecurityStore store;
    private final PasswordHasher hasher = new PasswordHasher(1_000);
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws Exception {
        db = new DerbyJpa();
        store = new SecurityStore(db, DerbyJpa.schema());
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    private AdminBootstrap bootstrap(Map<String, String> env, Map<String, String> props) {
        return new AdminBootstrap(store, hasher, env::get, props::get, data,
                new PrintStream(console, true, StandardCharsets.UTF_8), Clock.systemUTC());
    }

    private String printed() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void generatedPasswordIsShownOnceWrittenOwnerOnlyAndMustBeChanged() throws Exception {
        assertEquals(AdminBootstrap.Outcome.GENERATED_PASSWORD, bootstrap(Map.of(), Map.of()).run());

        Path file = data.resolve(AdminBootstrap.FILE_NAME);
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Matcher m = Pattern.compile("password: (\\S+)").matcher(Files.readString(file));
        assertTrue(m.find());
        String password = m.group(1);
        assertEquals(AdminBootstrap.GENERATED_LENGTH, password.length());
        assertTrue(printed().contains(password), "the console banner shows the password");

        UserRow admin = store.findUser("admin").orElseThrow();
        assertTrue(hasher.verify(password.toCharArray(), admin.passwordHash()));
        Caller caller = admin.caller();
        assertTrue(caller.passwordChangeRequired());
        assertEquals(Set.of("admin", "staff"), caller.roles());
    }

    @Test
    void secondRunChangesNothing() throws Exception {
        bootstrap(Map.of(), Map.of()).run();
        String hash = store.findUser("admin").orElseThrow().passwordHash();
        console.reset();
        assertEquals(AdminBootstrap.Outcome.USERS_EXIST, bootstrap(Map.of(), Map.of()).run());
        assertEquals(hash, store.findUser("admin").orElseThrow().passwordHash());
        assertEquals("", printed());
    }

    @Test
    void environmentPasswordWinsAndNeedsNoChange() {
        AdminBootstrap.Outcome outcome = bootstrap(
                Map.of(AdminBootstrap.ENV, "from the environment"),
                Map.of(AdminBootstrap.PROPERTY, "from the properties")).run();
        assertEquals(AdminBootstrap.Outcome.GIVEN_PASSWORD, outcome);
        UserRow admin = store.findUser("admin").orElseThrow();
        assertTrue(hasher.verify("from the environment".toCharArray(), admin.passwordHash()));
        assertFalse(admin.caller().passwordChangeRequired());
        assertFalse(Files.exists(data.resolve(AdminBootstrap.FILE_NAME)));
        assertFalse(printed().contains("from the environment"));
    }

    @Test
    void systemPropertyIsTheSecondChoice() {
        bootstrap(Map.of(), Map.of(AdminBootstrap.PROPERTY, "from the properties")).run();
        assertTrue(hasher.verify("from the properties".toCharArray(),
                store.findUser("admin").orElseThrow().passwordHash()));
    }

    @Test
    void tooShortGivenPasswordIsReplacedByAGeneratedOne() {
        assertEquals(AdminBootstrap.Outcome.GENERATED_PASSWORD,
                bootstrap(Map.of(AdminBootstrap.ENV, "short"), Map.of()).run());
        assertFalse(hasher.verify("short".toCharArray(),
                store.findUser("admin").orElseThrow().passwordHash()));
        assertTrue(store.findUser("admin").orElseThrow().caller().passwordChangeRequired());
    }

    @Test
    void generatedPasswordsUseTheUnambiguousAlphabet() {
        for (int i = 0; i < 50; i++) {
            String p = new String(AdminBootstrap.generate());
            assertTrue(p.matches("[A-HJ-NP-Za-km-z2-9]{20}"), p);
        }
    }
}
