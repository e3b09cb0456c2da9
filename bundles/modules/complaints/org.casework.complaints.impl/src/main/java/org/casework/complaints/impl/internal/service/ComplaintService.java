package org.casework.complaints.impl.internal.service;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import org.casework.core.api.CaseQuery;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.AuditService;
import org.casework.complaints.impl.internal.ComplaintIndexer;
import org.casework.complaints.impl.internal.ComplaintType;
import org.casework.complaints.impl.internal.ComplaintsConfig;
import org.casework.complaints.impl.internal.persistence.ComplaintStore;
import org.casework.complaints.impl.internal.persistence.Rows;
import org.casework.core.api.ANumber;
import org.casework.core.api.AttachmentRecord;
import org.casework.core.api.Caller;
import org.casework.core.api.CaseRecord;
import org.casework.core.api.CaseService;
import org.casework.core.api.CaseworkException;
import org.casework.core.api.FieldError;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.Page;
import org.casework.core.api.ValidationException;
import org.casework.core.api.access.AccessPolicy;
import org.casework.core.api.access.RecordRef;
import org.casework.core.api.access.Visibility;
import org.casework.facilities.api.Facility;
import org.casework.facilities.api.FacilityDirectory;
import org.casework.mail.api.MailMessage;
import org.casework.mail.api.MailService;
import org.casework.matching.PersonMatch;
import org.casework.matching.PersonMatching;
import org.casework.matching.PersonRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The complaint work that goes beyond the generic case API: intake with its confirmation and
 * destruction tracking, triage (prior complaints, checks, outcome), the queues, the engagement
 * and correspondence logs, resolution and reopening. Every case read and change goes through
 * the case engine, so need-to-know, validation, history and the engine's audit apply; the
 * module's own rows are written in the same transaction, and each action here is audited too.
 */
@Component(service = ComplaintService.class, configurationPid = ComplaintsConfig.PID)
@Designate(ocd = ComplaintsConfig.class)
public class ComplaintService {

    private static final Logger LOG = LoggerFactory.getLogger(ComplaintService.class);

    static final String TYPE = ComplaintType.KEY;
    static final String RESOURCE = "case." + TYPE;

    /** Agencies a complaint may be referred to. */
    public static final List<String> AGENCIES = List.of("OIG", "CRCL", "ICE_OPR", "CBP_OPR", "OTHER");
    static final List<String> ENGAGEMENT_CHANNELS = List.of("EMAIL", "TELEPHONE", "MEETING", "LETTER", "FAX", "VISIT",
            "OTHER");
    static final List<String> RECIPIENT_KINDS = List.of("SUBMITTER", "DETAINEE", "REPRESENTATIVE", "FACILITY_POC",
            "OTHER");
    static final List<String> MEDIA = List.of("EMAIL", "LETTER", "FAX", "TELEPHONE", "IN_PERSON");
    static final List<String> RESOLUTION_OUTCOMES = List.of("SUBSTANTIATED", "UNSUBSTANTIATED", "RESOLVED_INFORMALLY",
            "WITHDRAWN", "NO_ACTION_POSSIBLE");
    /** Channels whose original (paper or e-mail) is kept only until entered, then destroyed. */
    static final Set<String> CHANNELS_WITH_ORIGINAL = Set.of("IN_PERSON", "MAIL", "EMAIL", "FAX");
    private static final int MAX_TEXT = 4000;

    /** What triage checks. {@code jurisdiction}: in-scope, out-of-scope, unknown-facility, not-given or unknown. */
    public record Checks(boolean consent, String jurisdiction, String facilityName, boolean emergency) {
    }

    /** A prior complaint about the same detainee, and why it matched. */
    public record PriorMatch(long caseId, String number, String status, String detainee, double score,
            List<String> reasons) {
    }

    /** How the submitter was told: by e-mail, by a letter (an attachment), or not at all. */
    public record Confirmation(String medium, String recipient, Long letterAttachmentId) {
    }

    /**
     * The answer to an intake. {@code prior} holds the {@link #PRIOR_SHOWN} best prior matches;
     * {@code priorMore} says that more exist (the complaint's own lookup lists up to
     * {@link CaseQuery#MAX_SIZE}).
     */
    public record IntakeResult(CaseRecord complaint, Confirmation confirmation, Checks checks,
            List<PriorMatch> prior, boolean priorMore) {
    }

    /** A complaint with the module's own facts. */
    public record Summary(CaseRecord complaint, Rows.Complaint intake, Checks checks) {
    }

    /** One entry of a queue. */
    public record QueueItem(long caseId, String number, String status, String assignee, boolean emergency,
            String channel, Instant receivedAt, boolean overdue, String detainee) {
    }

    private final CaseService cases;
    private final ComplaintStore store;
    private final AuditService audit;
    private final MailService mail;
    private final Clock clock;
    private volatile ComplaintsConfig config;
    private volatile TriageLimits limits;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile FacilityDirectory facilities;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile AccessPolicy policy;

    @Activate
    public ComplaintService(@Reference CaseService cases, @Reference ComplaintStore store,
            @Reference AuditService audit, @Reference MailService mail, ComplaintsConfig config) {
        this(cases, store, audit, mail, config, Clock.systemUTC());
    }

    ComplaintService(CaseService cases, ComplaintStore store, AuditService audit, MailService mail,
            ComplaintsConfig config, Clock clock) {
        this.cases = cases;
        this.store = store;
        this.audit = audit;
        this.mail = mail;
        this.config = config;
        this.limits = TriageLimits.of(config);
        this.clock = clock;
    }

    @Modified
    void modified(ComplaintsConfig changed) {
        this.config = changed;
        this.limits = TriageLimits.of(changed);
    }

    ComplaintsConfig config() {
        return config;
    }

    // ---- intake -------------------------------------------------------------------------------

    /**
     * Staff intake: opens the complaint through the case engine, records when the original must
     * be destroyed, and prepares the confirmation, all in one transaction; then sends the e-mails
     * and looks for prior complaints.
     */
    public IntakeResult intake(Caller caller, Map<String, Object> input, String division, String remoteAddress) {
        return intake(caller, input, List.of(), division, remoteAddress);
    }

    /**
     * A file that arrives with the complaint, such as the scanned paper form.
     *
     * @param fileName the file's name
     * @param contentType the claimed type; the stored type is detected from the bytes
     * @param content the bytes
     */
    public record Upload(String fileName, String contentType, byte[] content) {
    }

    /** Staff intake with the files that came with the complaint, stored in the same transaction. */
    public IntakeResult intake(Caller caller, Map<String, Object> input, List<Upload> uploads, String division,
            String remoteAddress) {
        Map<String, Object> fields = prepare(input);
        FieldError aNumberError = ComplaintType.checkANumber(input.get("aNumber"));
        boolean anonymous = Boolean.TRUE.equals(fields.get("anonymous"));
        Prepared p;
        try {
            p = intakeTransaction(caller, fields, uploads, division, remoteAddress, anonymous);
        } catch (ValidationException e) {
            throw aNumberError == null ? e : new ValidationException(e.errors().stream()
                    .map(x -> "fields.aNumber".equals(x.field()) ? aNumberError : x).toList());
        }
        afterCommit(p);
        List<PriorMatch> prior = prior(caller, p.created(), PRIOR_SHOWN + 1);
        return new IntakeResult(p.created(), p.confirmation(), checks(p.created()),
                prior.subList(0, Math.min(PRIOR_SHOWN, prior.size())), prior.size() > PRIOR_SHOWN);
    }

    private Prepared intakeTransaction(Caller caller, Map<String, Object> fields, List<Upload> uploads,
            String division, String remoteAddress, boolean anonymous) {
        return store.inTransaction(() -> {
            CaseRecord created = cases.create(caller, TYPE, fields, division);
            attach(caller, created.id(), uploads);
            String channel = (String) created.fields().get("channel");
            LocalDate due = CHANNELS_WITH_ORIGINAL.contains(channel)
                    ? LocalDate.now(clock).plusDays(config.destructionDays()) : null;
            store.recordIntake(created.id(), null, null, remoteAddress, due);
            Confirmation confirmation = anonymous ? new Confirmation("NONE", null, null)
                    : prepareConfirmation(caller, created);
            return new Prepared(created, confirmation);
        });
    }

    record Prepared(CaseRecord created, Confirmation confirmation) {
    }

    /**
     * Stores the files through the case engine (which sniffs their content and applies its size
     * limit); a refused file is reported as {@code attachments[i]} and the whole intake rolls back.
     */
    void attach(Caller caller, long caseId, List<Upload> uploads) {
        for (int i = 0; i < uploads.size(); i++) {
            Upload u = uploads.get(i);
            try {
                cases.addAttachment(caller, TYPE, caseId, u.fileName(), u.contentType(),
                        new ByteArrayInputStream(u.content() == null ? new byte[0] : u.content()));
            } catch (CaseworkException e) {
                if (e.status() != 400 && e.status() != 413) {
                    throw e;
                }
                String rule = e.errors().isEmpty() ? e.problemType() : e.errors().get(0).rule();
                throw new ValidationException("attachments[" + i + "]", rule, e.errors().isEmpty() ? e.getMessage()
                        : e.errors().get(0).message());
            }
        }
    }

    /** Stands in for an A-Number that complaint intake refuses but the engine's wider rule would take. */
    static final String NOT_AN_A_NUMBER = "not-an-a-number";

    /** Checks what the engine does not and drops the submitter's identity from an anonymous complaint. */
    Map<String, Object> prepare(Map<String, Object> input) {
        if (input == null) {
            throw new ValidationException("fields", "required", "Send the complaint's fields in \"fields\".");
        }
        Map<String, Object> fields = new LinkedHashMap<>(input);
        if (ComplaintType.checkANumber(fields.get("aNumber")) != null) {
            // Something the engine refuses, so that its checks of every other field still run and
            // the clerk sees all the errors at once; intake() puts the stricter message back.
            fields.put("aNumber", NOT_AN_A_NUMBER);
        }
        if (Boolean.TRUE.equals(fields.get("anonymous"))) {
            ComplaintType.SUBMITTER_IDENTITY.forEach(fields::remove);
        }
        return fields;
    }

    /**
     * Inside the intake's transaction: an e-mail confirmation is logged now and sent after the
     * commit; without an address (or with mail switched off) a letter is stored as an attachment.
     */
    Confirmation prepareConfirmation(Caller caller, CaseRecord created) {
        ConfirmationText text = text(created);
        Object email = created.fields().get("submitterEmail");
        Instant now = clock.instant();
        if (email != null && mail.enabled()) {
            store.addCorrespondence(created.id(), now, "SUBMITTER", "EMAIL", String.valueOf(email), text.subject(), null,
                    caller.username());
            audit.record(caller, AuditEvent.success("correspondence", TYPE, Long.toString(created.id()),
                    "confirmation e-mailed to the submitter"));
            return new Confirmation("EMAIL", String.valueOf(email), null);
        }
        byte[] pdf = LetterRenderer.render(addressLines(created), text, LocalDate.now(clock));
        AttachmentRecord letter = cases.addAttachment(caller, TYPE, created.id(),
                "confirmation-" + created.number() + ".pdf", "application/pdf", new ByteArrayInputStream(pdf));
        store.addCorrespondence(created.id(), now, "SUBMITTER", "LETTER", String.join(", ", addressLines(created)),
                text.subject(), letter.id(), caller.username());
        audit.record(caller, AuditEvent.success("correspondence", TYPE, Long.toString(created.id()),
                "confirmation letter " + letter.id() + " prepared for printing"));
        return new Confirmation("LETTER", null, letter.id());
    }

    /** After the commit: the confirmation e-mail and the on-duty manager's emergency notice. */
    void afterCommit(Prepared p) {
        CaseRecord c = p.created();
        if ("EMAIL".equals(p.confirmation().medium())) {
            ConfirmationText text = text(c);
            send(p.confirmation().recipient(), text.subject(), text.plainText(), c.number());
        }
        if (Boolean.TRUE.equals(c.fields().get("emergency"))) {
            String to = config.onDutyManagerEmail();
            LOG.warn("Emergency complaint {} received by {}", c.number(), c.fields().get("channel"));
            if (to != null && !to.isBlank()) {
                send(to.strip(), "Emergency complaint " + c.number(),
                        "An emergency complaint arrived and is at the top of the queue.\n\nCase: " + c.number()
                                + "\nReceived by: " + c.fields().get("channel")
                                + "\nFacility: " + Objects.toString(c.fields().get("facility"), "not given") + "\n",
                        c.number());
            }
        }
    }

    private void send(String to, String subject, String text, String number) {
        try {
            mail.send(new MailMessage(List.of(to), subject, text)).whenComplete((ok, failure) -> {
                if (failure != null) {
                    LOG.warn("Mail about complaint {} was not delivered: {}", number, failure.getMessage());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Mail about complaint {} could not be sent: {}", number, e.getMessage());
        }
    }

    private ConfirmationText text(CaseRecord c) {
        ComplaintsConfig cfg = config;
        return ConfirmationText.of((String) c.fields().get("language"), c.number(), cfg.officeName(),
                cfg.officeContact(), cfg.accessAndCorrection());
    }

    private static List<String> addressLines(CaseRecord c) {
        List<String> lines = new ArrayList<>();
        if (c.fields().get("submitter") instanceof Map<?, ?> s && s.get("fullName") != null) {
            lines.add(String.valueOf(s.get("fullName")));
        }
        if (c.fields().get("submitterAddress") instanceof Map<?, ?> a) {
            for (String part : List.of("line1", "line2")) {
                if (a.get(part) != null) {
                    lines.add(String.valueOf(a.get(part)));
                }
            }
            List<String> city = new ArrayList<>();
            for (String part : List.of("city", "state", "postalCode")) {
                if (a.get(part) != null) {
                    city.add(String.valueOf(a.get(part)));
                }
            }
            if (!city.isEmpty()) {
                lines.add(String.join(" ", city));
            }
            if (a.get("country") != null) {
                lines.add(String.valueOf(a.get("country")));
            }
        }
        return lines;
    }

    // ---- reading ------------------------------------------------------------------------------

    public Summary summary(Caller caller, long id) {
        CaseRecord c = cases.get(caller, TYPE, id);
        Rows.Complaint row = store.find(id).orElseThrow(() -> new NotFoundException("Complaint " + id));
        return new Summary(c, row, checks(c));
    }

    Checks checks(CaseRecord c) {
        Map<String, Object> f = c.fields();
        String jurisdiction;
        String facilityName = null;
        Object code = f.get("facility");
        FacilityDirectory directory = facilities;
        if (code == null) {
            jurisdiction = "not-given";
        } else if (directory == null) {
            jurisdiction = "unknown";
        } else {
            Optional<Facility> facility = directory.find(String.valueOf(code));
            jurisdiction = facility.map(x -> x.inJurisdiction() ? "in-scope" : "out-of-scope").orElse("unknown-facility");
            facilityName = facility.map(Facility::name).orElse(null);
        }
        return new Checks(Boolean.TRUE.equals(f.get("consentToInvestigate")), jurisdiction, facilityName,
                Boolean.TRUE.equals(f.get("emergency")));
    }

    /**
     * How many complaints sharing a blocking key are compared at most (those with the same A-Number
     * always are), the best-ranked ones, a compatible date of birth and more shared keys first:
     * setting {@code triageCandidates}, held to these bounds. Comparing them is most of a lookup's
     * cost, so an office trades recall of old complaints without a date of birth for speed here.
     */
    static final int MIN_CANDIDATES = 50;
    static final int MAX_CANDIDATES = 2000;

    /** Bounds of {@code triageNewestPerKey}, the newest complaints without a date of birth each key adds. */
    static final int MIN_NEWEST_PER_KEY = 10;
    static final int MAX_NEWEST_PER_KEY = 1000;

    /** How far triage looks, from the settings, each held to its bounds. */
    record TriageLimits(int candidates, int newestPerKey) {
        static TriageLimits of(ComplaintsConfig config) {
            return new TriageLimits(bounded("triageCandidates", config.triageCandidates(), MIN_CANDIDATES, MAX_CANDIDATES),
                    bounded("triageNewestPerKey", config.triageNewestPerKey(), MIN_NEWEST_PER_KEY, MAX_NEWEST_PER_KEY));
        }
    }

    /** The setting held to its bounds: a value out of range is logged once per change and the nearest bound used. */
    static int bounded(String setting, int value, int min, int max) {
        if (value >= min && value <= max) {
            return value;
        }
        int used = Math.max(min, Math.min(max, value));
        LOG.warn("{} = {} is outside {} to {}; using {}", setting, value, min, max, used);
        return used;
    }

    /** From how many candidates on they are compared on several threads. */
    static final int PARALLEL_FROM = 100;

    /**
     * How many prior matches are read and shown unless more are asked for. A common name without a
     * date of birth matches dozens of complaints about other people in a large office; each match
     * shown is a case read (and audited as viewed), so the triage view starts with the best ones.
     */
    public static final int PRIOR_SHOWN = 25;

    /** The {@link #PRIOR_SHOWN} best prior complaints about the complaint's detainee that the caller may read. */
    public List<PriorMatch> prior(Caller caller, long id) {
        return prior(caller, id, PRIOR_SHOWN);
    }

    /**
     * Prior complaints about the complaint's detainee that the caller may read, best matches first,
     * at most {@code limit} (1 to {@value CaseQuery#MAX_SIZE}).
     */
    public List<PriorMatch> prior(Caller caller, long id, int limit) {
        if (limit < 1 || limit > CaseQuery.MAX_SIZE) {
            throw new ValidationException("limit", "range", "\"limit\" is between 1 and " + CaseQuery.MAX_SIZE + ".");
        }
        return prior(caller, cases.get(caller, TYPE, id), limit);
    }

    List<PriorMatch> prior(Caller caller, CaseRecord c, int limit) {
        PersonRecord probe = ComplaintIndexer.detainee(c.fields());
        String aNumber = c.fields().get("aNumber") == null ? null
                : ANumber.normalize(String.valueOf(c.fields().get("aNumber"))).orElse(null);
        if (probe == null && aNumber == null) {
            return List.of();
        }
        // the detainee's names analysed once for all candidates, not once per candidate
        PersonMatching.Probe prepared = probe == null ? null : PersonMatching.prepare(probe);
        List<Rows.IndexedPerson> candidates = store.candidates(c.id(), aNumber,
                probe == null ? Set.of() : PersonMatching.blockingKeys(probe), probe == null ? null : probe.dateOfBirth(),
                limits.candidates(), limits.newestPerKey());
        // Comparing is most of a lookup's work (hundreds of candidates for a common name), and each
        // comparison stands alone: a large set is shared with the common pool's threads, so a
        // lookup on an otherwise idle server finishes sooner. Nothing here depends on the order.
        Map<Long, PriorMatch> matches = (candidates.size() >= PARALLEL_FROM ? candidates.parallelStream()
                : candidates.stream())
                .map(candidate -> match(prepared, aNumber, candidate)).flatMap(Optional::stream)
                .collect(java.util.stream.Collectors.toMap(PriorMatch::caseId, m -> m,
                        (a, b) -> a.score() >= b.score() ? a : b));
        List<Long> best = matches.values().stream()
                .sorted(Comparator.comparingDouble(PriorMatch::score).reversed().thenComparingLong(PriorMatch::caseId))
                .map(PriorMatch::caseId).toList();
        List<PriorMatch> out = new ArrayList<>();
        // The best first, one engine call per round: a complaint the caller may not read is left
        // out, uncounted, and the next best take its place; only the cases shown are read.
        for (int from = 0; from < best.size() && out.size() < limit; ) {
            int to = Math.min(best.size(), from + limit - out.size());
            for (CaseRecord other : cases.getAll(caller, TYPE, best.subList(from, to))) {
                PriorMatch pm = matches.get(other.id());
                out.add(new PriorMatch(other.id(), other.number(), other.status(), other.title(), pm.score(),
                        pm.reasons()));
            }
            from = to;
        }
        out.sort(Comparator.comparingDouble(PriorMatch::score).reversed().thenComparingLong(PriorMatch::caseId));
        return out;
    }

    /**
     * Why an indexed detainee matches the probe (the complaint's detainee, prepared; null when the
     * complaint names none), or empty when they do not.
     */
    static Optional<PriorMatch> match(PersonMatching.Probe probe, String aNumber, Rows.IndexedPerson candidate) {
        List<String> reasons = new ArrayList<>();
        double score = 0;
        if (aNumber != null && aNumber.equals(candidate.aNumber())) {
            reasons.add("same A-Number " + ANumber.format(aNumber));
            score = 1.0;
        }
        if (probe != null && !candidate.names().isEmpty()) {
            PersonRecord other = new PersonRecord(candidate.names().get(0),
                    candidate.names().subList(1, candidate.names().size()), candidate.dateOfBirth());
            Optional<PersonMatch> pm = PersonMatching.compare(probe, other);
            if (pm.isPresent()) {
                reasons.addAll(pm.get().reasons());
                score = Math.max(score, pm.get().score());
            }
        }
        return reasons.isEmpty() ? Optional.empty()
                : Optional.of(new PriorMatch(candidate.caseId(), null, null, null, score, reasons));
    }

    // ---- triage, resolution, reopening -------------------------------------------------------

    /**
     * Records the triage outcome and moves the complaint: {@code accept}, {@code refer} (to one of
     * {@link #AGENCIES}, noting that confidentiality protections apply) or {@code decline} (with a
     * reason).
     */
    public Summary triage(Caller caller, long id, String outcome, String referredTo, String note) {
        List<FieldError> errors = new ArrayList<>();
        String o = outcome == null ? null : outcome.strip().toLowerCase(java.util.Locale.ROOT);
        if (o == null || !Set.of("accept", "refer", "decline").contains(o)) {
            errors.add(new FieldError("outcome", "oneOf", "Choose accept, refer or decline."));
        }
        String n = text("note", note, 2000, errors);
        String agency = null;
        if ("refer".equals(o)) {
            agency = referredTo == null ? null : referredTo.strip().toUpperCase(java.util.Locale.ROOT);
            if (agency == null || !AGENCIES.contains(agency)) {
                errors.add(new FieldError("referredTo", "oneOf", "Refer to one of " + String.join(", ", AGENCIES) + "."));
            } else if (agency.equals("OTHER") && n == null) {
                errors.add(new FieldError("note", "required", "Name the agency the complaint goes to."));
            }
        } else if (referredTo != null && !referredTo.isBlank()) {
            errors.add(new FieldError("referredTo", "unexpected", "Only a referral names an agency."));
        }
        if ("decline".equals(o) && n == null) {
            errors.add(new FieldError("note", "required", "Give the reason for declining."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String comment = switch (o) {
            case "refer" -> "Referred to " + agency + (n == null ? "" : ": " + n)
                    + ". Confidentiality protections apply: the submitter's identity and the complaint are shared "
                    + "only as far as the referral needs.";
            case "decline" -> "Declined: " + n;
            default -> n;
        };
        String finalAgency = agency;
        preflight(caller, id);
        store.inTransaction(() -> {
            CaseRecord c = cases.get(caller, TYPE, id);
            cases.transition(caller, TYPE, id, c.version(), o, comment);
            store.recordTriage(id, o, finalAgency, n, caller.username(), clock.instant());
            audit.record(caller, AuditEvent.success("triage", TYPE, Long.toString(id),
                    o + (finalAgency == null ? "" : " to " + finalAgency)));
            return null;
        });
        return summary(caller, id);
    }

    /** Resolves the complaint with an outcome and a summary; the case closes (inactive). */
    public Summary resolve(Caller caller, long id, String outcome, String summaryText) {
        List<FieldError> errors = new ArrayList<>();
        String o = outcome == null ? null : outcome.strip().toUpperCase(java.util.Locale.ROOT);
        if (o == null || !RESOLUTION_OUTCOMES.contains(o)) {
            errors.add(new FieldError("outcome", "oneOf", "Choose one of " + String.join(", ", RESOLUTION_OUTCOMES) + "."));
        }
        String s = text("summary", summaryText, 2000, errors);
        if (s == null) {
            errors.add(new FieldError("summary", "required", "Summarise the resolution."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        preflight(caller, id);
        store.inTransaction(() -> {
            CaseRecord c = cases.get(caller, TYPE, id);
            CaseRecord updated = cases.update(caller, TYPE, id, c.version(), Map.of("resolutionOutcome", o));
            cases.transition(caller, TYPE, id, updated.version(), "resolve", "Resolved (" + o + "): " + s);
            store.recordResolution(id, o, clock.instant());
            audit.record(caller, AuditEvent.success("resolve", TYPE, Long.toString(id), o));
            return null;
        });
        return summary(caller, id);
    }

    /** Reopens a closed complaint, at any time after closing, for a reason; it goes back to triage. */
    public Summary reopen(Caller caller, long id, String reason) {
        List<FieldError> errors = new ArrayList<>();
        String r = text("reason", reason, 2000, errors);
        if (r == null && errors.isEmpty()) {
            errors.add(new FieldError("reason", "required", "Give the reason for reopening."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        preflight(caller, id);
        store.inTransaction(() -> {
            CaseRecord c = cases.get(caller, TYPE, id);
            cases.transition(caller, TYPE, id, c.version(), "reopen", "Reopened: " + r);
            audit.record(caller, AuditEvent.success("reopen", TYPE, Long.toString(id), r));
            return null;
        });
        return summary(caller, id);
    }

    /** Confirms that the paper or e-mail original was destroyed. */
    public Summary confirmDestruction(Caller caller, long id, String note) {
        List<FieldError> errors = new ArrayList<>();
        String n = text("note", note, 500, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        requireUpdate(caller, cases.get(caller, TYPE, id));
        store.inTransaction(() -> {
            Rows.Complaint row = store.find(id).orElseThrow(() -> new NotFoundException("Complaint " + id));
            if (row.destructionDue() == null) {
                throw new CaseworkException(409, "conflict",
                        "This complaint arrived without a paper or e-mail original to destroy.", List.of());
            }
            if (!store.recordDestruction(id, caller.username(), clock.instant(), n)) {
                throw new CaseworkException(409, "conflict", "The original's destruction is already confirmed.",
                        List.of());
            }
            audit.record(caller, AuditEvent.success("destruction-confirmed", TYPE, Long.toString(id), n));
            return null;
        });
        return summary(caller, id);
    }

    // ---- engagement and correspondence -------------------------------------------------------

    public Rows.Engagement addEngagement(Caller caller, long id, String contactedAt, String party, String channel,
            String summaryText, String followUpOn) {
        List<FieldError> errors = new ArrayList<>();
        Instant at = clock.instant();
        if (contactedAt != null && !contactedAt.isBlank()) {
            try {
                at = Instant.parse(contactedAt.strip());
                if (at.isAfter(clock.instant().plusSeconds(60))) {
                    errors.add(new FieldError("contactedAt", "notInFuture", "A contact cannot lie in the future."));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("contactedAt", "type", "Write the time as 2026-03-01T14:30:00Z."));
            }
        }
        String p = text("party", party, 200, errors);
        if (p == null && errors.stream().noneMatch(e -> e.field().equals("party"))) {
            errors.add(new FieldError("party", "required", "Name who was contacted (e.g. ICE ERO Newark)."));
        }
        String ch = channel == null ? null : channel.strip().toUpperCase(java.util.Locale.ROOT);
        if (ch == null || !ENGAGEMENT_CHANNELS.contains(ch)) {
            errors.add(new FieldError("channel", "oneOf", "Choose one of " + String.join(", ", ENGAGEMENT_CHANNELS) + "."));
        }
        String s = text("summary", summaryText, MAX_TEXT, errors);
        if (s == null && errors.stream().noneMatch(e -> e.field().equals("summary"))) {
            errors.add(new FieldError("summary", "required", "Summarise the contact."));
        }
        LocalDate follow = null;
        if (followUpOn != null && !followUpOn.isBlank()) {
            try {
                follow = LocalDate.parse(followUpOn.strip());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("followUpOn", "type", "Write the date as yyyy-mm-dd."));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant contacted = at;
        LocalDate followUp = follow;
        requireUpdate(caller, cases.get(caller, TYPE, id));
        return store.inTransaction(() -> {
            Rows.Engagement e = store.addEngagement(id, contacted, p, ch, s, followUp, caller.username(),
                    clock.instant());
            audit.record(caller, AuditEvent.success("engagement", TYPE, Long.toString(id),
                    "engagement " + e.id() + " with " + p + " by " + ch));
            return e;
        });
    }

    public List<Rows.Engagement> engagements(Caller caller, long id) {
        cases.get(caller, TYPE, id);
        return store.engagements(id);
    }

    public Rows.Correspondence addCorrespondence(Caller caller, long id, String recipientKind, String medium,
            String recipient, String subject, String sentAt, Long attachmentId) {
        List<FieldError> errors = new ArrayList<>();
        String kind = recipientKind == null ? null : recipientKind.strip().toUpperCase(java.util.Locale.ROOT);
        if (kind == null || !RECIPIENT_KINDS.contains(kind)) {
            errors.add(new FieldError("recipientKind", "oneOf", "Choose one of " + String.join(", ", RECIPIENT_KINDS) + "."));
        }
        String m = medium == null ? null : medium.strip().toUpperCase(java.util.Locale.ROOT);
        if (m == null || !MEDIA.contains(m)) {
            errors.add(new FieldError("medium", "oneOf", "Choose one of " + String.join(", ", MEDIA) + "."));
        }
        String r = text("recipient", recipient, 320, errors);
        String s = text("subject", subject, 300, errors);
        if (s == null && errors.stream().noneMatch(e -> e.field().equals("subject"))) {
            errors.add(new FieldError("subject", "required", "Say what was sent."));
        }
        Instant at = clock.instant();
        if (sentAt != null && !sentAt.isBlank()) {
            try {
                at = Instant.parse(sentAt.strip());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("sentAt", "type", "Write the time as 2026-03-01T14:30:00Z."));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant sent = at;
        requireUpdate(caller, cases.get(caller, TYPE, id));
        return store.inTransaction(() -> {
            if (attachmentId != null && cases.attachments(caller, TYPE, id).stream()
                    .noneMatch(a -> a.id() == attachmentId)) {
                throw new ValidationException("attachmentId", "exists", "The complaint has no such attachment.");
            }
            Rows.Correspondence row = store.addCorrespondence(id, sent, kind, m, r, s, attachmentId, caller.username());
            audit.record(caller, AuditEvent.success("correspondence", TYPE, Long.toString(id),
                    "correspondence " + row.id() + " by " + m + " to " + kind));
            return row;
        });
    }

    public List<Rows.Correspondence> correspondence(Caller caller, long id) {
        cases.get(caller, TYPE, id);
        return store.correspondence(id);
    }

    // ---- queues -----------------------------------------------------------------------------------

    public Page<QueueItem> queue(Caller caller, String name, int page, int size) {
        ComplaintStore.Queue queue;
        try {
            queue = ComplaintStore.Queue.valueOf(name == null ? "" : name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Queue " + name);
        }
        if (page < 0) {
            throw new ValidationException("page", "min", "\"page\" starts at 0.");
        }
        if (size < 1 || size > 200) {
            throw new ValidationException("size", "range", "\"size\" is between 1 and 200.");
        }
        Instant cutoff = clock.instant().minus(java.time.Duration.ofDays(config.targetDays()));
        Rows.IdPage rows = store.queue(queue, visibility(caller), caller.username(), cutoff, page, size);
        audit.record(caller, new AuditEvent("search", TYPE, null, AuditEvent.SUCCESS, null, List.of(),
                "queue " + queue.name().toLowerCase(java.util.Locale.ROOT) + " page " + page));
        return new Page<>(rows.items().stream().map(r -> new QueueItem(r.caseId(), r.caseNumber(), r.status(),
                r.assignee(), r.emergency(), r.channel(), r.receivedAt(), r.receivedAt().isBefore(cutoff),
                r.detaineeNames().isEmpty() ? null : r.detaineeNames().get(0))).toList(), rows.total(), page, size);
    }

    /** Which complaints the caller may read; without an access policy only administrators see any (fail closed). */
    Visibility visibility(Caller caller) {
        if (caller.isAdmin()) {
            return Visibility.ALL;
        }
        AccessPolicy p = policy;
        return p == null ? Visibility.NONE : p.visibility(caller, RESOURCE, "read");
    }

    /**
     * The checks of a triage, resolution or reopening made before its transaction, so that a
     * refusal's audit entry is not rolled back with it: the caller must see the complaint, may
     * change it, and hold a caseworker role.
     */
    private void preflight(Caller caller, long id) {
        CaseRecord c = cases.get(caller, TYPE, id);
        requireUpdate(caller, c);
        if (!caller.hasAnyRole(ComplaintType.caseworkers())) {
            audit.record(caller, new AuditEvent("transition", TYPE, Long.toString(id), AuditEvent.DENIED, null,
                    List.of(), "triage and resolution are for case managers and analysts"));
            throw new ForbiddenException("Only case managers and analysts triage and resolve complaints.");
        }
    }

    private void requireUpdate(Caller caller, CaseRecord c) {
        if (caller.isAdmin()) {
            return;
        }
        AccessPolicy p = policy;
        if (p == null || !p.permits(caller, "update",
                new RecordRef(RESOURCE, Long.toString(c.id()), c.ownerDivision(), c.createdBy(), c.assignee()))) {
            audit.record(caller, new AuditEvent("update", TYPE, Long.toString(c.id()), AuditEvent.DENIED, null,
                    List.of(), "complaint work refused"));
            throw new ForbiddenException("You may read this complaint but not change it.");
        }
    }

    /** A trimmed optional text without control characters (line breaks allowed); null when blank. */
    static String text(String field, String value, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        if (s.length() > max) {
            errors.add(new FieldError(field, "maxLength", "At most " + max + " characters."));
            return null;
        }
        if (s.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t')) {
            errors.add(new FieldError(field, "characters", "Remove the control characters."));
            return null;
        }
        return s;
    }
}
