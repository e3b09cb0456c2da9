package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.itests.support.CaseworkHttp;
import org.casework.itests.support.CaseworkOptions;
import org.casework.itests.support.CaseworkTestSupport;
import org.casework.itests.support.HttpResult;
import org.casework.itests.support.Wait;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Sign-in hardening over real HTTP against the booted distribution: lockout, the password rules,
 * deactivation ending open sessions, the helpdesk role, no raising one's own role, and each
 * user's list of their own sessions. One container for the class; each test makes its own users.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SignInHardeningIT extends CaseworkTestSupport {

    private static final String PASSWORD = "violet tractor lamp";

    @Before
    public void ready() {
        awaitHealthy();
        Wait.until("the admin can sign in", BOOT_TIMEOUT,
                () -> admin().get("/api/v1/session").status() == 200);
    }

    private static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void createUser(String username, List<String> roles) {
        HttpResult created = admin().post("/api/v1/users", Map.of("username", username,
                "roles", roles, "divisions", List.of(), "password", PASSWORD));
        assertEquals(created.toString(), 201, created.status());
    }

    private static Map<String, Object> credentials(String username, String password) {
        return Map.of("username", username, "password", password);
    }

    private long version(String username) {
        HttpResult account = admin().get("/api/v1/users/" + username);
        assertEquals(account.toString(), 200, account.status());
        return account.json().path("version").asLong();
    }

    private static void assertStatus(HttpResult result, int status) {
        assertEquals(result.toString(), status, result.status());
    }

    private static Map<String, Object> change(long version, Object... pairs) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", version);
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    @Test
    public void fiveFailuresLockTheAccountEvenForTheRightPassword() {
        String username = uniqueName("locked");
        createUser(username, List.of("staff"));
        HttpResult wrong = null;
        for (int i = 0; i < 5; i++) {
            wrong = http().post("/api/v1/session", credentials(username, "not the password"));
            assertStatus(wrong, 401);
        }
        HttpResult right = http().post("/api/v1/session", credentials(username, PASSWORD));
        assertStatus(right, 401);
        assertEquals("a lock looks like wrong credentials", wrong.json().path("title"),
                right.json().path("title"));
        assertStatus(http().as(username, PASSWORD).get("/api/v1/session"), 401);

        JsonNode account = admin().get("/api/v1/users/" + username).json();
        assertFalse(account.toString(), account.path("lockedUntil").isNull());
        assertFalse(account.toString(), account.path("lockedUntil").isMissingNode());

        // a helpdesk or administrator reset lifts the lock
        HttpResult reset = admin().post("/api/v1/users/" + username + "/password-reset", Map.of());
        assertStatus(reset, 200);
        assertStatus(http().post("/api/v1/session", credentials(username,
                reset.json().path("temporaryPassword").asText())), 200);
    }

    @Test
    public void predictablePasswordsAreRefusedNamingTheField() {
        String username = uniqueName("weak");
        for (String[] attempt : new String[][] {{"Password2024!", "common"},
                {"my name is " + username, "containsUsername"}, {"x".repeat(129), "maxLength"}}) {
            HttpResult refused = admin().post("/api/v1/users", Map.of("username", username,
                    "roles", List.of("staff"), "password", attempt[0]));
            assertStatus(refused, 400);
            JsonNode error = refused.json().path("errors").path(0);
            assertEquals(refused.toString(), "password", error.path("field").asText());
            assertEquals(refused.toString(), attempt[1], error.path("rule").asText());
        }
        assertStatus(admin().get("/api/v1/users/" + username), 404);
    }

    @Test
    public void deactivationEndsOpenSessionsAtOnce() {
        String username = uniqueName("leaver");
        createUser(username, List.of("staff"));
        HttpResult signIn = http().post("/api/v1/session", credentials(username, PASSWORD));
        assertStatus(signIn, 200);
        CaseworkHttp browser = http().header("Cookie",
                signIn.header("Set-Cookie").orElseThrow().split(";", 2)[0]);
        String token = http().post("/api/v1/tokens", credentials(username, PASSWORD)).json()
                .path("token").asText();
        CaseworkHttp client = http().header("Authorization", "Bearer " + token);
        assertStatus(browser.get("/api/v1/session"), 200);
        assertStatus(client.get("/api/v1/session"), 200);

        long version = version(username);
        assertStatus(admin().patch("/api/v1/users/" + username, change(version - 1, "active", false)),
                409);
        HttpResult deactivated = admin().patch("/api/v1/users/" + username,
                change(version, "active", false));
        assertStatus(deactivated, 200);
        assertFalse(deactivated.json().path("active").asBoolean());

        assertStatus(browser.get("/api/v1/session"), 401);
        assertStatus(client.get("/api/v1/session"), 401);
        assertStatus(http().post("/api/v1/session", credentials(username, PASSWORD)), 401);
    }

    @Test
    public void helpdeskResetsPasswordsButCannotChangeRoles() {
        String helpdesk = uniqueName("hd");
        createUser(helpdesk, List.of("helpdesk"));
        CaseworkHttp desk = http().as(helpdesk, PASSWORD);

        String newcomer = uniqueName("new");
        HttpResult created = desk.post("/api/v1/users", Map.of("username", newcomer,
                "roles", List.of("staff"), "password", PASSWORD));
        assertStatus(created, 201);
        assertStatus(desk.post("/api/v1/users", Map.of("username", uniqueName("root"),
                "roles", List.of("admin"), "password", PASSWORD)), 403);

        HttpResult reset = desk.post("/api/v1/users/" + newcomer + "/password-reset", Map.of());
        assertStatus(reset, 200);
        String temporary = reset.json().path("temporaryPassword").asText();
        assertTrue(temporary.length() >= 12);
        assertStatus(http().post("/api/v1/session", credentials(newcomer, PASSWORD)), 401);
        HttpResult signIn = http().post("/api/v1/session", credentials(newcomer, temporary));
        assertStatus(signIn, 200);
        assertTrue(signIn.json().path("passwordChangeRequired").asBoolean());

        long version = version(newcomer);
        assertStatus(desk.patch("/api/v1/users/" + newcomer,
                change(version, "roles", List.of("staff", "analyst"))), 403);
        assertStatus(desk.patch("/api/v1/users/" + newcomer, change(version, "active", false)), 403);
        assertStatus(desk.post("/api/v1/users/" + CaseworkOptions.ADMIN_USER + "/password-reset",
                Map.of()), 403);
        assertEquals(version, version(newcomer));
    }

    @Test
    public void aUserCannotRaiseTheirOwnRole() {
        String username = uniqueName("climber");
        createUser(username, List.of("staff"));
        CaseworkHttp self = http().as(username, PASSWORD);
        long version = version(username);
        assertStatus(self.patch("/api/v1/users/" + username,
                change(version, "roles", List.of("staff", "admin"))), 403);
        assertEquals("[\"staff\"]", admin().get("/api/v1/users/" + username).json()
                .path("roles").toString());
        HttpResult renamed = self.patch("/api/v1/users/" + username,
                change(version, "fullName", "Climber Renamed"));
        assertStatus(renamed, 200);
        assertEquals("[\"staff\"]", renamed.json().path("roles").toString());
    }

    @Test
    public void usersListAndEndTheirOwnSessions() {
        String username = uniqueName("multi");
        createUser(username, List.of("staff"));
        String first = http().post("/api/v1/tokens", credentials(username, PASSWORD)).json()
                .path("token").asText();
        String second = http().post("/api/v1/tokens", credentials(username, PASSWORD)).json()
                .path("token").asText();
        CaseworkHttp one = http().header("Authorization", "Bearer " + first);
        CaseworkHttp two = http().header("Authorization", "Bearer " + second);

        HttpResult list = one.get("/api/v1/session/list");
        assertStatus(list, 200);
        JsonNode sessions = list.json();
        assertEquals(list.toString(), 2, sessions.size());
        assertFalse("never the token", list.body().contains(first) || list.body().contains(second));
        String otherId = null;
        int current = 0;
        for (JsonNode session : sessions) {
            assertEquals("API", session.path("kind").asText());
            assertFalse(session.path("createdAt").isMissingNode());
            assertFalse(session.path("lastSeenAt").isMissingNode());
            assertFalse(session.path("remoteAddress").asText().isEmpty());
            if (session.path("current").asBoolean()) {
                current++;
            } else {
                otherId = session.path("id").asText();
            }
        }
        assertEquals(1, current);

        String stranger = uniqueName("stranger");
        createUser(stranger, List.of("staff"));
        assertStatus(http().as(stranger, PASSWORD).delete("/api/v1/session/list/" + otherId), 404);
        assertStatus(two.get("/api/v1/session"), 200);

        assertStatus(one.delete("/api/v1/session/list/" + otherId), 204);
        assertStatus(two.get("/api/v1/session"), 401);
        assertStatus(one.get("/api/v1/session"), 200);
        assertEquals(1, one.get("/api/v1/session/list").json().size());
    }
}
