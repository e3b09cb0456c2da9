package org.casework.portal.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.casework.complaints.api.PortalReceipt;
import org.casework.complaints.api.PortalSubmission;
import org.casework.core.api.CaseworkException;
import org.casework.core.api.FieldError;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal's public endpoints, outside the staff API and its sign-in:
 * <ul>
 * <li>{@code GET /portal/api/status}: whether complaints are accepted now, the Privacy Act
 *     Statement version and the upload limits;</li>
 * <li>{@code GET /portal/api/challenge}: a proof-of-work challenge for one submission;</li>
 * <li>{@code POST /portal/api/complaints} ({@code multipart/form-data}): files a complaint and
 *     answers its case number.</li>
 * </ul>
 * Every answer is in the submitter's language ({@code ?lang=es}, else {@code Accept-Language}).
 * Nothing sent here can read any stored record: the only way in is {@link IntakeGate}.
 */
@Component(service = Servlet.class, configurationPid = PortalConfig.PID, property = {
    HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=casework-portal-api",
    HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/portal/api/*"})
@Designate(ocd = PortalConfig.class)
public class PortalApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PortalApiServlet.class);

    /** The Privacy Act Statement the page shows; change it with the statement's text. */
    static final String PRIVACY_STATEMENT_VERSION = "2026-12";
    /** Text values: a description may be long, nothing else needs more. */
    static final int MAX_FIELD_BYTES = 64 * 1024;
    static final int MAX_PARTS = 100;
    static final long MEGABYTE = 1024L * 1024L;
    /** How old the browser's acceptance time may be; older or later ones are replaced by the server's. */
    static final Duration ACCEPTANCE_WINDOW = Duration.ofDays(1);

    private final transient Clock clock;
    private final transient byte[] randomSecret = new byte[32];
    private transient volatile Settings settings;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile IntakeGate gate;

    /** The configuration in effect, with the state built from it. */
    private record Settings(PortalConfig config, RateLimiter limiter, ProofOfWork proofOfWork,
            MultipartForm.Limits limits, long drainCap) {
    }

    @Activate
    public PortalApiServlet(PortalConfig config) {
        this(config, Clock.systemUTC());
    }

    PortalApiServlet(PortalConfig config, Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(randomSecret);
        this.settings = settings(config);
    }

    @Modified
    void modified(PortalConfig config) {
        this.settings = settings(config);
    }

    private Settings settings(PortalConfig config) {
        byte[] secret = config.challengeSecret() == null || config.challengeSecret().isBlank()
                ? randomSecret : config.challengeSecret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < 16) {
            LOG.error("challengeSecret in {}.cfg has fewer than 16 bytes; using a random secret", PortalConfig.PID);
            secret = randomSecret;
        }
        long maxFile = config.maxFileMegabytes() * MEGABYTE;
        long maxTotal = config.maxTotalMegabytes() * MEGABYTE;
        return new Settings(config,
                new RateLimiter(config.rateLimitCount(), Duration.ofSeconds(config.rateLimitWindowSeconds())),
                new ProofOfWork(secret, config.proofOfWorkBits(), Duration.ofSeconds(config.challengeTtlSeconds())),
                new MultipartForm.Limits(maxFile, maxTotal, config.maxFiles(), MAX_FIELD_BYTES, MAX_PARTS),
                // A refused upload is read to its end so the browser sees the answer; not beyond this.
                Math.max(64 * MEGABYTE, 3 * maxTotal));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PortalHeaders.apply(response);
        PortalHeaders.noStore(response);
        PortalMessages messages = PortalMessages.of(language(request));
        Settings s = settings;
        switch (path(request)) {
            case "/status" -> {
                Map<String, Object> status = new LinkedHashMap<>();
                status.put("available", gate != null);
                status.put("privacyStatementVersion", PRIVACY_STATEMENT_VERSION);
                status.put("maxFileMegabytes", s.config().maxFileMegabytes());
                status.put("maxTotalMegabytes", s.config().maxTotalMegabytes());
                status.put("maxFiles", s.config().maxFiles());
                status.put("fileTypes", List.of(".pdf", ".jpg", ".jpeg", ".png", ".gif", ".tif", ".tiff", ".txt"));
                json(response, 200, status);
            }
            case "/challenge" -> {
                if (gate == null) {
                    unavailable(response, messages);
                    return;
                }
                ProofOfWork.Challenge challenge = s.proofOfWork().issue(clock.instant());
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("challenge", challenge.token());
                body.put("bits", challenge.bits());
                body.put("expiresAt", challenge.expiresAt().toString());
                json(response, 200, body);
            }
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PortalHeaders.apply(response);
        PortalHeaders.noStore(response);
        if (!"/complaints".equals(path(request))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String language = language(request);
        PortalMessages messages = PortalMessages.of(language);
        Settings s = settings;
        String address = remoteAddress(request, s.config());

        Duration wait = s.limiter().acquire(address, clock.instant());
        if (!wait.isZero()) {
            LOG.debug("Portal submission from {} refused: rate limit", address);
            response.setHeader("Retry-After", Long.toString(wait.toSeconds()));
            refuse(response, 429, messages, null, "rateLimited", (wait.toSeconds() + 59) / 60);
            return;
        }
        IntakeGate intake = gate;
        if (intake == null) {
            unavailable(response, messages);
            return;
        }
        String boundary = MultipartForm.boundaryOf(request.getContentType());
        if (boundary == null) {
            refuse(response, 415, messages, null, "unsupportedMediaType");
            return;
        }
        if (request.getContentLengthLong() > s.drainCap()) {
            response.setHeader("Connection", "close");
            refuse(response, 413, messages, null, "requestTooLarge");
            return;
        }

        MultipartForm form;
        InputStream body = request.getInputStream();
        try {
            form = MultipartForm.parse(body, boundary, s.limits());
        } catch (UploadRejected e) {
            drain(body, s.drainCap());
            long limitMb = "filesTooLarge".equals(e.rule()) ? s.config().maxTotalMegabytes()
                    : "tooManyFiles".equals(e.rule()) ? s.config().maxFiles() : s.config().maxFileMegabytes();
            refuse(response, e.status(), messages, e.field(), e.rule(), e.fileName(), limitMb);
            return;
        }

        if (form.values(FormMapping.HONEYPOT).stream().anyMatch(v -> !v.isEmpty())) {
            LOG.debug("Portal submission from {} refused: honeypot filled", address);
            refuse(response, 400, messages, null, "automated");
            return;
        }
        ProofOfWork.Outcome work = s.proofOfWork().verify(form.value(FormMapping.CHALLENGE),
                form.value(FormMapping.NONCE), clock.instant());
        if (work != ProofOfWork.Outcome.VALID) {
            LOG.debug("Portal submission from {} refused: proof of work {}", address, work);
            refuse(response, 400, messages, null,
                    work == ProofOfWork.Outcome.EXPIRED ? "challengeExpired" : "proofOfWork");
            return;
        }
        if (!PRIVACY_STATEMENT_VERSION.equals(form.value(FormMapping.PRIVACY_VERSION))) {
            refuse(response, 400, messages, "privacyStatement", "privacyStatement");
            return;
        }
        List<PortalSubmission.Upload> uploads = new ArrayList<>();
        for (MultipartForm.FilePart file : form.files()) {
            FileSniffer.Verdict verdict = FileSniffer.check(file.fileName(), file.content());
            if (!verdict.accepted()) {
                refuse(response, 400, messages, MultipartForm.FILES_FIELD, verdict.rule(), file.fileName());
                return;
            }
            uploads.add(new PortalSubmission.Upload(file.fileName(), verdict.kind().mediaType(), file.content()));
        }

        boolean anonymous = yes(form.value(FormMapping.ANONYMOUS));
        String formLanguage = form.value(FormMapping.LANGUAGE);
        String submissionLanguage = formLanguage != null && PortalMessages.LANGUAGES.contains(formLanguage)
                ? formLanguage : language;
        PortalSubmission submission = new PortalSubmission(FormMapping.fields(form, anonymous), anonymous,
                submissionLanguage, PRIVACY_STATEMENT_VERSION, acceptedAt(form.value(FormMapping.PRIVACY_ACCEPTED_AT)),
                yes(form.value(FormMapping.CONSENT)), address, uploads);
        PortalReceipt receipt;
        try {
            receipt = intake.submit(submission);
        } catch (CaseworkException e) {
            refuse(response, e.status() >= 400 && e.status() < 500 ? e.status() : 400, messages, e.errors());
            return;
        } catch (RuntimeException e) {
            LOG.error("A portal complaint from {} could not be filed", address, e);
            unavailable(response, messages);
            return;
        }
        PortalMessages answer = PortalMessages.of(submissionLanguage);
        Map<String, Object> body2 = new LinkedHashMap<>();
        body2.put("caseNumber", receipt.caseNumber());
        body2.put("confirmationEmailed", receipt.confirmationEmailed());
        body2.put("message", answer.text("received", receipt.caseNumber()) + " "
                + answer.text(receipt.confirmationEmailed() ? "received.emailed" : "received.notEmailed"));
        body2.put("language", submissionLanguage);
        json(response, 201, body2);
    }

    /** The acceptance time the browser recorded, when it is plausible; else now. */
    private Instant acceptedAt(String value) {
        Instant now = clock.instant();
        if (value != null) {
            try {
                Instant at = Instant.parse(value);
                if (!at.isAfter(now.plusSeconds(60)) && at.isAfter(now.minus(ACCEPTANCE_WINDOW))) {
                    return at;
                }
            } catch (DateTimeParseException e) {
                LOG.debug("Unreadable privacy statement acceptance time {}", value);
            }
        }
        return now;
    }

    private void refuse(HttpServletResponse response, int status, PortalMessages messages, List<FieldError> errors)
            throws IOException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (FieldError error : errors) {
            list.add(error(error.field(), error.rule(), messages.rule(messageRule(error)), null));
        }
        if (list.isEmpty()) {
            list.add(error(null, "invalid", messages.rule("invalid"), null));
        }
        problem(response, status, messages, list);
    }

    private void refuse(HttpServletResponse response, int status, PortalMessages messages, String field, String rule,
            Object... args) throws IOException {
        String fileName = args.length > 0 && args[0] instanceof String name ? name : null;
        problem(response, status, messages, List.of(error(field, rule, messages.rule(rule, args), fileName)));
    }

    /**
     * Consent and the Privacy Act Statement are explained by what they are, whatever rule the
     * complaints module names (it may say {@code required}): the user must learn what to agree to.
     */
    static String messageRule(FieldError error) {
        if ("consent".equals(error.field()) || "privacyStatement".equals(error.field())) {
            return error.field();
        }
        return error.rule();
    }

    private void unavailable(HttpServletResponse response, PortalMessages messages) throws IOException {
        response.setHeader("Retry-After", "300");
        problem(response, 503, messages, List.of(error(null, "unavailable", messages.rule("unavailable"), null)));
    }

    private static Map<String, Object> error(String field, String rule, String message, String fileName) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("input", FormMapping.inputFor(field));
        error.put("rule", rule);
        error.put("message", message);
        if (fileName != null) {
            error.put("fileName", fileName);
        }
        return error;
    }

    private static void problem(HttpServletResponse response, int status, PortalMessages messages,
            List<Map<String, Object>> errors) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:casework:problem:" + (status == 400 ? "validation" : "portal"));
        body.put("title", messages.text(status == 400 ? "title.validation" : "title.rejected"));
        body.put("status", status);
        body.put("language", messages.language());
        body.put("errors", errors);
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getOutputStream().write(Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    private static void json(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    private static void drain(InputStream in, long cap) {
        byte[] sink = new byte[64 * 1024];
        long read = 0;
        try {
            int n;
            while (read < cap && (n = in.read(sink)) > 0) {
                read += n;
            }
        } catch (IOException e) {
            LOG.debug("The client stopped sending a refused upload", e);
        }
    }

    private static boolean yes(String value) {
        return value != null && (value.equals("true") || value.equals("on") || value.equals("yes"));
    }

    private static String path(HttpServletRequest request) {
        return request.getPathInfo() == null ? "" : request.getPathInfo();
    }

    /** The {@code lang} query parameter read without touching the body, else Accept-Language. */
    static String language(HttpServletRequest request) {
        String query = request.getQueryString();
        String lang = null;
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("lang=")) {
                    lang = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
                }
            }
        }
        return PortalMessages.language(lang, request.getHeader("Accept-Language"));
    }

    private static String remoteAddress(HttpServletRequest request, PortalConfig config) {
        if (config.trustForwardedFor()) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].strip();
            }
        }
        return request.getRemoteAddr();
    }
}
