package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
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
 * Sign-in, sessions, API tokens, CSRF, user administration, the JAAS realm and the error and
 * OpenAPI documents, over real HTTP against the booted distribution. One container for the class;
 * each test makes the users it needs under names of its own.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecurityIT extends CaseworkTestSupport {

    private static final String PROBLEM = "application/problem+json";
    private static final String COOKIE = "CASEWORK_SESSION";

    @Before
    public void ready() {
        awaitHealthy();
        // health answers before security.impl has migrated its tables: wait for sign-in to work
        Wait.until("the admin can sign in", BOOT_TIMEOUT,
                () -> admin().get("/api/v1/session").status() == 200);
    }

    private static void assertProblem(HttpResult result, int status, String type) {
        assertEquals(result.toString(), status, result.status());
        assertEquals(result.toString(), PROBLEM, result.header("Content-Type").orElse("").split(";")[0]);
        JsonNode body = result.json();
        assertEquals(status, body.path("status").asInt());
        if (type != null) {
            assertEquals("urn:casework:problem:" + type, body.path("type").asText());
        }
        assertFalse(body.path("title").asText().isEmpty());
    }

    private static Map<String, Object> credentials(String username, String password) {
        return Map.of("username", username, "password", password);
    }

    private static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a staff user through the API, as the first administrator. */
    private void createUser(String username, String password, List<String> roles) {
        HttpResult created = admin().post("/api/v1/users", Map.of("username", username,
                "fullName", "Test " + username, "roles", roles, "divisions", List.of(),
                "password", password));
        assertEquals(created.toString(), 201, created.status());
    }

    @Test
    public void healthAnswersWithoutSignIn() {
        HttpResult health = http().get("/api/v1/health");
        assertEquals(200, health.status());
        assertEquals("UP", health.json().path("status").asText());
        assertEquals("no-store", health.header("Cache-Control").orElse(null));
        assertEquals("nosniff", health.header("X-Content-Type-Options").orElse(null));
    }

    @Test
    public void withoutCredentialsTheAnswerIs401Problem() {
        HttpResult result = http().get("/api/v1/users");
        assertProblem(result, 401, "unauthorized");
        assertTrue(result.header("WWW-Authenticate").orElse("").startsWith("Basic realm=\"Casework\""));

        HttpResult withDeadCookie = http().header("Cookie", COOKIE + "=no-such-session")
                .get("/api/v1/users");
        assertProblem(withDeadCookie, 401, "unauthorized");
        assertFalse("no browser dialog for console calls",
                withDeadCookie.header("WWW-Authenticate").isPresent());
    }

    @Test
    public void signInSetsAnHttpOnlySameSiteCookieAndGivesACsrfToken() {
        HttpResult signIn = http().post("/api/v1/session",
                credentials(CaseworkOptions.ADMIN_USER, adminPassword()));
        assertEquals(signIn.toString(), 200, signIn.status());
        String setCookie = signIn.header("Set-Cookie").orElse("");
        assertTrue(setCookie, setCookie.startsWith(COOKIE + "="));
        assertTrue(setCookie, setCookie.contains("HttpOnly"));
        assertTrue(setCookie, setCookie.contains("SameSite=Strict"));
        assertTrue(setCookie, setCookie.contains("Path=/"));
        JsonNode view = signIn.json();
        assertEquals("admin", view.path("username").asText());
        String csrf = view.path("csrfToken").asText();
        assertTrue(csrf.length() >= 32);
        assertFalse(view.path("passwordChangeRequired").asBoolean());
        assertTrue(view.path("roles").toString().contains("admin"));

        CaseworkHttp browser = http().header("Cookie", cookie(setCookie));
        HttpResult current = browser.get("/api/v1/session");
        assertEquals(current.toString(), 200, current.status());
        assertEquals(csrf, current.json().path("csrfToken").asText());

        HttpResult signOut = browser.header("X-CSRF-Token", csrf).delete("/api/v1/session");
        assertEquals(signOut.toString(), 204, signOut.status());
        assertTrue(signOut.header("Set-Cookie").orElse("").contains("Max-Age=0"));
        assertProblem(browser.get("/api/v1/session"), 401, "unauthorized");
    }

    /** The {@code name=value} part of a Set-Cookie header. */
    private static String cookie(String setCookie) {
        return setCookie.split(";", 2)[0];
    }

    @Test
    public void cookieWritesWithoutTheCsrfHeaderAre403() {
        HttpResult signIn = http().post("/api/v1/session",
                credentials(CaseworkOptions.ADMIN_USER, adminPassword()));
        CaseworkHttp browser = http().header("Cookie", cookie(signIn.header("Set-Cookie").orElseThrow()));
        String username = uniqueName("csrf");
        Map<String, Object> user = Map.of("username", username, "roles", List.of("staff"),
                "password", "a fine long password");

        assertProblem(browser.post("/api/v1/users", user), 403, "csrf");
        assertProblem(browser.header("X-CSRF-Token", "guessed").post("/api/v1/users", user), 403, "csrf");
        HttpResult withToken = browser.header("X-CSRF-Token", signIn.json().path("csrfToken").asText())
                .post("/api/v1/users", user);
        assertEquals(withToken.toString(), 201, withToken.status());
    }

    @Test
    public void bearerTokenWorks() {
        HttpResult issued = http().post("/api/v1/tokens",
                credentials(CaseworkOptions.ADMIN_USER, adminPassword()));
        assertEquals(issued.toString(), 201, issued.status());
        String token = issued.json().path("token").asText();
        assertFalse(token.isEmpty());
        assertNotNull(issued.json().path("expiresAt").asText(null));

        CaseworkHttp client = http().header("Authorization", "Bearer " + token);
        HttpResult users = client.get("/api/v1/users?page=0&size=5");
        assertEquals(users.toString(), 200, users.status());
        assertTrue(users.json().path("total").asLong() >= 1);
        assertTrue(users.json().path("items").isArray());
        // an API token is not a browser session: no CSRF token, and none needed
        HttpResult session = client.get("/api/v1/session");
        assertEquals(200, session.status());
        assertTrue(session.json().path("csrfToken").isMissingNode());

        assertProblem(http().header("Authorization", "Bearer forged").get("/api/v1/users"), 401,
                "unauthorized");
        assertProblem(http().post("/api/v1/tokens", credentials("admin", "wrong password!")), 401,
                "unauthorized");
    }

    @Test
    public void adminCreatesAUserWhoseWrongPasswordIs401() {
        String username = uniqueName("clerk");
        createUser(username, "the right password", List.of("staff"));

        assertProblem(http().as(username, "the wrong password").get("/api/v1/session"), 401,
                "unauthorized");
        HttpResult wrongSignIn = http().post("/api/v1/session", credentials(username, "the wrong password"));
        assertProblem(wrongSignIn, 401, "unauthorized");
        HttpResult unknownSignIn = http().post("/api/v1/session", credentials(uniqueName("nobody"),
                "the wrong password"));
        assertEquals("never says which part was wrong", wrongSignIn.json().path("title"),
                unknownSignIn.json().path("title"));

        HttpResult me = http().as(username, "the right password").get("/api/v1/session");
        assertEquals(me.toString(), 200, me.status());
        assertEquals(username, me.json().path("username").asText());
        // staff, not admin
        assertProblem(http().as(username, "the right password").get("/api/v1/users"), 403, "forbidden");
        // the same name twice
        HttpResult again = admin().post("/api/v1/users", Map.of("username", username,
                "password", "another long password"));
        assertProblem(again, 400, "validation");
        assertEquals("unique", again.json().path("errors").path(0).path("rule").asText());
    }

    @Test
    public void passwordChangeEndsOtherSessions() {
        String username = uniqueName("changer");
        createUser(username, "first password!", List.of("staff"));
        String otherToken = http().post("/api/v1/tokens", credentials(username, "first password!"))
                .json().path("token").asText();
        String token = http().post("/api/v1/tokens", credentials(username, "first password!"))
                .json().path("token").asText();
        CaseworkHttp client = http().header("Authorization", "Bearer " + token);

        HttpResult weak = client.post("/api/v1/users/me/password",
                Map.of("currentPassword", "first password!", "newPassword", "short"));
        assertProblem(weak, 400, "validation");
        assertEquals("newPassword", weak.json().path("errors").path(0).path("field").asText());

        HttpResult changed = client.post("/api/v1/users/me/password",
                Map.of("currentPassword", "first password!", "newPassword", "second password!"));
        assertEquals(changed.toString(), 204, changed.status());
        assertEquals(200, client.get("/api/v1/session").status());
        assertProblem(http().header("Authorization", "Bearer " + otherToken).get("/api/v1/session"),
                401, "unauthorized");
        assertEquals(201, http().post("/api/v1/tokens", credentials(username, "second password!")).status());
    }

    @Test
    public void openApiListsTheCasesAndSessionPaths() {
        HttpResult doc = Wait.forValue("openapi.json lists /cases", BOOT_TIMEOUT,
                () -> http().get("/api/v1/openapi.json"),
                r -> r.status() == 200 && r.json().path("paths").has("/cases"));
        JsonNode paths = doc.json().path("paths");
        assertEquals("3.0.3", doc.json().path("openapi").asText());
        assertTrue(paths.has("/session"));
        assertTrue(paths.has("/users"));
        assertTrue(paths.has("/health"));
        assertEquals("public", paths.path("/session").path("post").path("x-casework-access").asText());
        assertEquals("authenticated", paths.path("/session").path("get").path("x-casework-access").asText());
        assertEquals("roles", paths.path("/users").path("get").path("x-casework-access").asText());
        assertEquals("admin", paths.path("/users").path("get").path("x-casework-roles").path(0).asText());
    }

    @Test
    public void malformedJsonIs400Problem() {
        HttpResult result = http().send(http().request("/api/v1/session")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"admin\", ")));
        assertProblem(result, 400, "malformed-json");

        HttpResult unknownField = http().post("/api/v1/session",
                Map.of("username", "admin", "password", "x", "remember", true));
        assertProblem(unknownField, 400, "validation");
        assertEquals("remember", unknownField.json().path("errors").path(0).path("field").asText());
        assertEquals("unknown", unknownField.json().path("errors").path(0).path("rule").asText());

        assertProblem(http().get("/api/v1/no-such-resource"), 404, "not-found");
    }

    @Test
    public void jaasRealmCaseworkChecksTheSameAccounts() throws LoginException {
        LoginContext login = new LoginContext("casework", new Subject(), callbacks -> {
            for (Callback callback : callbacks) {
                if (callback instanceof NameCallback) {
                    ((NameCallback) callback).setName(CaseworkOptions.ADMIN_USER);
                } else if (callback instanceof PasswordCallback) {
                    ((PasswordCallback) callback).setPassword(adminPassword().toCharArray());
                }
            }
        });
        login.login();
        Set<String> principals = new TreeSet<>();
        for (Principal principal : login.getSubject().getPrincipals()) {
            principals.add(principal.getClass().getSimpleName() + ":" + principal.getName());
        }
        assertTrue(principals.toString(), principals.contains("UserPrincipal:admin"));
        assertTrue(principals.toString(), principals.contains("RolePrincipal:admin"));
        login.logout();
    }
}
