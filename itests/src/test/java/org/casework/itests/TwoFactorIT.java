package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.casework.itests.support.CaseworkHttp;
import org.casework.itests.support.CaseworkTestSupport;
import org.casework.itests.support.HttpResult;
import org.casework.itests.support.Wait;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Two-factor sign-in over real HTTP: enrolment, confirmation, sign-in with and without a code,
 * replayed codes, single-use recovery codes, Basic auth refused, and the role requirement. This
 * container runs with {@code totpEnforced=true} for the role {@code external-readonly}; each test makes
 * its own users.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TwoFactorIT extends CaseworkTestSupport {

    private static final String PASSWORD = "violet tractor lamp";

    @Configuration
    @Override
    public Option[] config() {
        return OptionUtils.combine(baseOptions(),
                editConfigurationFilePut("etc/org.casework.security.signin.cfg", "totpEnforced",
                        "true"),
                // not admin: the tests' administrator signs in with Basic auth, which a
                // two-factor account cannot use
                editConfigurationFilePut("etc/org.casework.security.signin.cfg",
                        "totpRequiredRoles", "external-readonly"));
    }

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
        assertStatus(created, 201);
    }

    private static void assertStatus(HttpResult result, int status) {
        assertEquals(result.toString(), status, result.status());
    }

    private static Map<String, Object> credentials(String username, Object... pairs) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", PASSWORD));
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private CaseworkHttp bearer(String username) {
        HttpResult token = http().post("/api/v1/tokens", credentials(username));
        assertStatus(token, 201);
        return http().header("Authorization", "Bearer " + token.json().path("token").asText());
    }

    /** The RFC 6238 code (HMAC-SHA1, 30 s, 6 digits) for a time step. */
    private static String code(String base32Secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[h.length - 1] & 0x0f;
            int binary = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16)
                    | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        byte[] out = new byte[text.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int i = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[i++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }

    private static long now() {
        return Math.floorDiv(Instant.now().getEpochSecond(), 30);
    }

    private static HttpResult disable(CaseworkHttp client, String code) {
        return client.send(client.request("/api/v1/users/me/totp")
                .header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}",
                        StandardCharsets.UTF_8)));
    }

    /** Enrols and confirms with the code of the step before now; returns the enrolment. */
    private JsonNode enrolAndConfirm(CaseworkHttp client) {
        HttpResult enrolment = client.post("/api/v1/users/me/totp", null);
        assertStatus(enrolment, 200);
        JsonNode e = enrolment.json();
        assertEquals(e.toString(), 10, e.path("recoveryCodes").size());
        assertTrue(e.toString(), e.path("otpauthUri").asText().startsWith("otpauth://totp/"));
        assertStatus(client.post("/api/v1/users/me/totp/confirm", Map.of("code", "000000")), 400);
        assertStatus(client.post("/api/v1/users/me/totp/confirm",
                Map.of("code", code(e.path("secret").asText(), now() - 1))), 204);
        return e;
    }

    @Test
    public void signInNeedsAFreshCodeOnceTwoFactorIsOn() {
        String username = uniqueName("tfa");
        createUser(username, List.of("staff"));
        JsonNode e = enrolAndConfirm(bearer(username));
        String secret = e.path("secret").asText();
        assertFalse("the secret is never shown again",
                admin().get("/api/v1/users/" + username).body().contains(secret));

        HttpResult without = http().post("/api/v1/session", credentials(username));
        assertStatus(without, 401);
        assertTrue(without.toString(), without.json().path("type").asText().endsWith("otp-required"));
        assertFalse(without.header("Set-Cookie").isPresent());
        assertStatus(http().post("/api/v1/tokens", credentials(username)), 401);
        assertStatus(http().as(username, PASSWORD).get("/api/v1/session"), 401);

        long step = now();
        String fresh = code(secret, step);
        HttpResult with = http().post("/api/v1/session", credentials(username, "otp", fresh));
        assertStatus(with, 200);
        HttpResult replayed = http().post("/api/v1/tokens", credentials(username, "otp", fresh));
        assertStatus(replayed, 401);
        assertTrue(replayed.toString(), replayed.json().path("type").asText().endsWith("unauthorized"));
        HttpResult next = http().post("/api/v1/tokens",
                credentials(username, "otp", code(secret, Math.max(step + 1, now()))));
        assertStatus(next, 201);
        CaseworkHttp client = http().header("Authorization",
                "Bearer " + next.json().path("token").asText());
        assertStatus(client.get("/api/v1/session"), 200);
    }

    @Test
    public void eachRecoveryCodeWorksOnce() {
        String username = uniqueName("rec");
        createUser(username, List.of("staff"));
        JsonNode e = enrolAndConfirm(bearer(username));
        String recovery = e.path("recoveryCodes").path(0).asText();
        assertStatus(http().post("/api/v1/session", credentials(username, "recoveryCode", recovery)),
                200);
        assertStatus(http().post("/api/v1/session", credentials(username, "recoveryCode", recovery)),
                401);
        assertStatus(http().post("/api/v1/tokens", credentials(username, "recoveryCode",
                e.path("recoveryCodes").path(1).asText())), 201);
    }

    @Test
    public void staffMayTurnItOffButAnExternalUserMayNot() {
        String staff = uniqueName("off");
        createUser(staff, List.of("staff"));
        CaseworkHttp client = bearer(staff);
        JsonNode e = enrolAndConfirm(client);
        assertStatus(disable(client, "000000"), 400);
        assertStatus(disable(client, code(e.path("secret").asText(), now() + 1)), 204);
        assertStatus(http().post("/api/v1/session", credentials(staff)), 200);

        String admin = uniqueName("ext");
        createUser(admin, List.of("external-readonly"));
        CaseworkHttp adminClient = bearer(admin);
        JsonNode a = enrolAndConfirm(adminClient);
        HttpResult refused = disable(adminClient, code(a.path("secret").asText(), now() + 1));
        assertStatus(refused, 403);
        assertTrue(refused.toString(), refused.json().path("type").asText().endsWith("totp-required"));
    }

    @Test
    public void aRoleThatNeedsItIsKeptToEnrolmentUntilEnrolled() {
        String username = uniqueName("gate");
        createUser(username, List.of("external-readonly"));
        CaseworkHttp client = bearer(username);
        HttpResult stopped = client.get("/api/v1/users/" + username);
        assertStatus(stopped, 403);
        assertTrue(stopped.toString(),
                stopped.json().path("type").asText().endsWith("totp-enrolment-required"));
        assertStatus(client.get("/api/v1/session"), 200);
        enrolAndConfirm(client);
        assertStatus(client.get("/api/v1/users/" + username), 200);
    }
}
