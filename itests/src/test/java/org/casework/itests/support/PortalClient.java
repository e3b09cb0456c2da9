package org.casework.itests.support;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Files complaints through the public portal as its page does: fetches a proof-of-work
 * challenge, solves it, and posts the form as multipart/form-data, from a network address given
 * in X-Forwarded-For (the test containers trust it, so each test has an address of its own).
 */
public final class PortalClient {

    private final CaseworkHttp http;
    private final String address;

    public PortalClient(CaseworkHttp http, String address) {
        this.http = http.header("X-Forwarded-For", address);
        this.address = address;
    }

    public String address() {
        return address;
    }

    /** A fresh challenge token and its difficulty. */
    public Map.Entry<String, Integer> challenge() {
        HttpResult r = http.get("/portal/api/challenge");
        if (r.status() != 200) {
            throw new AssertionError("GET /portal/api/challenge: " + r);
        }
        return Map.entry(r.json().get("challenge").asText(), r.json().get("bits").asInt());
    }

    /** The fields of a complete complaint, with a solved challenge and the current statement. */
    public Form validForm() {
        Map.Entry<String, Integer> challenge = challenge();
        String version = http.get("/portal/api/status").json().get("privacyStatementVersion").asText();
        return new Form()
                .field("challenge", challenge.getKey())
                .field("nonce", solve(challenge.getKey(), challenge.getValue()))
                .field("privacyStatementVersion", version)
                .field("privacyStatementAcceptedAt", java.time.Instant.now().toString())
                .field("consent", "true")
                .field("submitterName", "Ana Ruiz")
                .field("submitterEmail", "ana@example.org")
                .field("detaineeName", "Luis Ruiz Gómez")
                .field("detaineeAliases", "Luis Gomez\nLuisito")
                .field("aNumber", "A123-456-789")
                .field("facility", "ELP")
                .field("incidentDate", "2026-11-20")
                .field("categories", "medical")
                .field("subjectType", "ADULT")
                .field("description", "No insulin for three days. <script>alert(1)</script>")
                .field("website", "");
    }

    public HttpResult submit(Form form, String lang) {
        return http.send(http.request("/portal/api/complaints" + (lang == null ? "" : "?lang=" + lang))
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body()))
                .header("Content-Type", "multipart/form-data; boundary=" + form.boundary));
    }

    /** Finds the nonce as the page's script does. */
    public static String solve(String token, int bits) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (long n = 0; ; n++) {
                String nonce = Long.toString(n, 36);
                byte[] hash = sha.digest((token + ":" + nonce).getBytes(StandardCharsets.UTF_8));
                if (leadingZeroBits(hash) >= bits) {
                    return nonce;
                }
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int leadingZeroBits(byte[] hash) {
        int count = 0;
        for (byte b : hash) {
            if (b == 0) {
                count += 8;
                continue;
            }
            return count + Integer.numberOfLeadingZeros(b & 0xff) - 24;
        }
        return count;
    }

    /** A multipart/form-data body under construction; a field set again is replaced. */
    public static final class Form {
        private final String boundary = "----portalIt" + UUID.randomUUID().toString().replace("-", "");
        private final Map<String, String> fields = new LinkedHashMap<>();
        private final Map<String, Object[]> files = new LinkedHashMap<>();

        public Form field(String name, String value) {
            fields.put(name, value);
            return this;
        }

        public Form without(String name) {
            fields.remove(name);
            return this;
        }

        public Form file(String fileName, String contentType, byte[] content) {
            files.put(fileName, new Object[] {contentType, content});
            return this;
        }

        byte[] body() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fields.forEach((name, value) -> {
                for (String v : "categories".equals(name) ? value.split(",") : new String[] {value}) {
                    write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                            + v + "\r\n");
                }
            });
            files.forEach((fileName, typeAndContent) -> {
                write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\""
                        + fileName + "\"\r\nContent-Type: " + typeAndContent[0] + "\r\n\r\n");
                out.writeBytes((byte[]) typeAndContent[1]);
                write(out, "\r\n");
            });
            write(out, "--" + boundary + "--\r\n");
            return out.toByteArray();
        }

        private static void write(ByteArrayOutputStream out, String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
