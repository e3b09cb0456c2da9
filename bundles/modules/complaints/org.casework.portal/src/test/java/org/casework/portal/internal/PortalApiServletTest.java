package org.casework.portal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.casework.complaints.api.PortalIntake;
import org.casework.complaints.api.PortalReceipt;
import org.casework.complaints.api.PortalSubmission;
import org.casework.core.api.FieldError;
import org.casework.core.api.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class PortalApiServletTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    private final List<PortalSubmission> received = new ArrayList<>();
    private final TestConfig config = new TestConfig();
    private PortalApiServlet servlet;
    private PortalIntake intake = submission -> {
        if (!submission.consentToInvestigate()) {
            throw new ValidationException("consent", "consent", "Consent is required.");
        }
        received.add(submission);
        return new PortalReceipt("CMP-2026-000042", submission.fields().containsKey("submitterEmail"));
    };

    /** One answer: status, headers of interest, JSON body. */
    private record Answer(int status, JsonNode body, HttpServletResponse response) {
    }

    @BeforeEach
    void setUp() {
        servlet = new PortalApiServlet(config, CLOCK);
        servlet.gate = new IntakeGate(submission -> intake.submit(submission));
    }

    private String challenge() throws IOException {
        Answer a = call("GET", "/challenge", null, null, "10.0.0.1");
        assertEquals(200, a.status());
        return a.body().get("challenge").asText();
    }

    private Multipart valid() throws IOException {
        String challenge = challenge();
        return new Multipart()
                .field("challenge", challenge)
                .field("nonce", ProofOfWork.solve(challenge, config.bits))
                .field("privacyStatementVersion", PortalApiServlet.PRIVACY_STATEMENT_VERSION)
                .field("privacyStatementAcceptedAt", "2026-12-01T09:58:00Z")
                .field("consent", "true")
                .field("submitterName", "Ana Ruiz")
                .field("submitterEmail", "ana@example.org")
                .field("detaineeName", "Luis Ruiz")
                .field("description", "No insulin for three days.")
                .field("website", "");
    }

    private Answer post(byte[] body, String query, String address) throws IOException {
        return call("POST", "/complaints", body, query, address);
    }

    private Answer call(String method, String path, byte[] body, String query, String address) throws IOException {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn(method);
        when(request.getPathInfo()).thenReturn(path);
        when(request.getQueryString()).thenReturn(query);
        when(request.getRemoteAddr()).thenReturn("127.0.0.1");
        when(request.getHeader("X-Forwarded-For")).thenReturn(address);
        when(request.getContentType()).thenReturn(Multipart.CONTENT_TYPE);
        byte[] bytes = body == null ? new byte[0] : body;
        when(request.getContentLengthLong()).thenReturn((long) bytes.length);
        when(request.getInputStream()).thenReturn(new BytesIn(bytes));
        HttpServletResponse response = mock(HttpServletResponse.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        when(response.getOutputStream()).thenReturn(new BytesOut(out));
        int[] status = {200};
        org.mockito.Mockito.doAnswer(inv -> status[0] = inv.getArgument(0)).when(response).setStatus(org.mockito.ArgumentMatchers.anyInt());
        if ("GET".equals(method)) {
            servlet.doGet(request, response);
        } else {
            servlet.doPost(request, response);
        }
        JsonNode json = out.size() == 0 ? MAPPER.nullNode() : MAPPER.readTree(out.toByteArray());
        return new Answer(status[0], json, response);
    }

    @Test
    void aValidComplaintReachesTheIntakeAndAnswersItsNumber() throws IOException {
        Answer a = post(valid().field("categories", "medical")
                .file("attachments", "record.pdf", "application/octet-stream",
                        "%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII)).build(), "lang=en", "10.0.0.1");

        assertEquals(201, a.status());
        assertEquals("CMP-2026-000042", a.body().get("caseNumber").asText());
        assertTrue(a.body().get("confirmationEmailed").asBoolean());
        assertTrue(a.body().get("message").asText().contains("CMP-2026-000042"));
        verify(a.response()).setHeader("Cache-Control", "no-store, max-age=0");

        PortalSubmission s = received.get(0);
        assertEquals(Map.of("fullName", "Luis Ruiz"), s.fields().get("detainee"));
        assertEquals(List.of("medical"), s.fields().get("categories"));
        assertEquals(PortalApiServlet.PRIVACY_STATEMENT_VERSION, s.privacyStatementVersion());
        assertEquals(Instant.parse("2026-12-01T09:58:00Z"), s.privacyStatementAcceptedAt());
        assertEquals("10.0.0.1", s.remoteAddress());
        assertEquals("application/pdf", s.uploads().get(0).claimedContentType(), "the sniffed type, not the browser's");
    }

    @Test
    void aFilledHoneypotIsRefusedAndNothingReachesTheIntake() throws IOException {
        Answer a = post(valid().field("website", "http://spam.example").build(), "lang=en", "10.0.0.2");

        assertEquals(400, a.status());
        assertEquals("automated", a.body().get("errors").get(0).get("rule").asText());
        assertTrue(received.isEmpty());
    }

    @Test
    void intakeValidationErrorsAreAnsweredInTheUsersLanguage() throws IOException {
        String challenge = challenge();
        byte[] body = new Multipart()
                .field("challenge", challenge)
                .field("nonce", ProofOfWork.solve(challenge, config.bits))
                .field("privacyStatementVersion", PortalApiServlet.PRIVACY_STATEMENT_VERSION)
                .field("detaineeName", "Luis Ruiz").build();

        Answer a = post(body, "lang=es", "10.0.0.3");

        assertEquals(400, a.status());
        JsonNode error = a.body().get("errors").get(0);
        assertEquals("consent", error.get("field").asText());
        assertEquals("consent", error.get("input").asText());
        assertTrue(error.get("message").asText().startsWith("Debe dar su consentimiento"), error.toString());
        assertEquals("es", a.body().get("language").asText());
    }

    @Test
    void consentIsExplainedWhateverRuleTheIntakeNames() throws IOException {
        intake = submission -> {
            throw new ValidationException(List.of(new FieldError("consent", "required", "Required."),
                    new FieldError("fields.incidentDate", "notInFuture", "Cannot be in the future.")));
        };
        Answer a = post(valid().build(), "lang=es", "10.0.0.11");

        assertEquals(400, a.status());
        assertTrue(a.body().get("errors").get(0).get("message").asText().startsWith("Debe dar su consentimiento"));
        assertEquals("required", a.body().get("errors").get(0).get("rule").asText());
        assertEquals("Esta fecha no puede ser futura.", a.body().get("errors").get(1).get("message").asText());
        assertEquals("incidentDate", a.body().get("errors").get(1).get("input").asText());
    }

    @Test
    void aReusedChallengeAndAMissingProofAreRefused() throws IOException {
        Multipart first = valid();
        byte[] body = first.build();
        assertEquals(201, post(body, null, "10.0.0.4").status());

        Answer replay = post(body, null, "10.0.0.4");
        assertEquals(400, replay.status());
        assertEquals("proofOfWork", replay.body().get("errors").get(0).get("rule").asText());

        Answer none = post(new Multipart().field("consent", "true").build(), null, "10.0.0.4");
        assertEquals("proofOfWork", none.body().get("errors").get(0).get("rule").asText());
        assertEquals(1, received.size());
    }

    @Test
    void withoutTheCurrentPrivacyStatementNothingIsFiled() throws IOException {
        String challenge = challenge();
        byte[] body = new Multipart().field("challenge", challenge)
                .field("nonce", ProofOfWork.solve(challenge, config.bits))
                .field("privacyStatementVersion", "1999-01").field("consent", "true").build();
        Answer a = post(body, "lang=en", "10.0.0.5");
        assertEquals(400, a.status());
        assertEquals("privacyStatement", a.body().get("errors").get(0).get("field").asText());
        assertTrue(received.isEmpty());
    }

    @Test
    void anExecutableNamedPdfAndAnOversizedFileAreRefusedByName() throws IOException {
        Answer exe = post(valid().file("attachments", "statement.pdf", "application/pdf",
                "MZ\u0090\u0000program".getBytes(StandardCharsets.ISO_8859_1)).build(), "lang=en", "10.0.0.6");
        assertEquals(400, exe.status());
        JsonNode error = exe.body().get("errors").get(0);
        assertEquals("fileContent", error.get("rule").asText());
        assertEquals("statement.pdf", error.get("fileName").asText());
        assertTrue(error.get("message").asText().contains("statement.pdf"));

        Answer big = post(valid().file("attachments", "huge.pdf", "application/pdf", new byte[1024 * 1024 + 1]).build(),
                "lang=es", "10.0.0.7");
        assertEquals(413, big.status());
        assertTrue(big.body().get("errors").get(0).get("message").asText()
                .contains("El archivo «huge.pdf» es demasiado grande"));
        assertTrue(received.isEmpty());
    }

    @Test
    void aFloodFromOneAddressGets429WithRetryAfterWhileOthersGoOn() throws IOException {
        for (int i = 0; i < config.rateLimitCount; i++) {
            post(new Multipart().build(), null, "10.0.0.8");
        }
        Answer refused = post(valid().build(), "lang=es", "10.0.0.8");
        assertEquals(429, refused.status());
        verify(refused.response()).setHeader("Retry-After", "600");
        assertTrue(refused.body().get("errors").get(0).get("message").asText().contains("10 minutos"));

        assertEquals(201, post(valid().build(), null, "10.0.0.9").status());
    }

    @Test
    void withoutTheComplaintsModuleThePortalSaysItIsUnavailable() throws IOException {
        servlet.gate = null;
        Answer status = call("GET", "/status", null, null, "10.0.0.10");
        assertEquals(200, status.status());
        assertFalse(status.body().get("available").asBoolean());

        Answer a = post(new Multipart().build(), "lang=es", "10.0.0.10");
        assertEquals(503, a.status());
        assertTrue(a.body().get("errors").get(0).get("message").asText().startsWith("Las quejas en línea no están disponibles"));
        assertEquals(503, call("GET", "/challenge", null, null, "10.0.0.10").status());
    }

    private static final class BytesIn extends ServletInputStream {
        private final ByteArrayInputStream in;

        BytesIn(byte[] bytes) {
            this.in = new ByteArrayInputStream(bytes);
        }

        @Override public int read() { return in.read(); }
        @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
        @Override public boolean isFinished() { return in.available() == 0; }
        @Override public boolean isReady() { return true; }
        @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
    }

    private static final class BytesOut extends ServletOutputStream {
        private final ByteArrayOutputStream out;

        BytesOut(ByteArrayOutputStream out) {
            this.out = out;
        }

        @Override public void write(int b) { out.write(b); }
        @Override public boolean isReady() { return true; }
        @Override public void setWriteListener(WriteListener listener) { throw new UnsupportedOperationException(); }
    }
}
