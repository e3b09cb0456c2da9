package org.casework.litigation.impl.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.AuditService;
import org.casework.audit.api.FieldChange;
import org.casework.core.api.ANumber;
import org.casework.core.api.Caller;
import org.casework.core.api.CaseRecord;
import org.casework.core.api.CaseService;
import org.casework.core.api.ConflictException;
import org.casework.core.api.FieldError;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.Page;
import org.casework.core.api.ValidationException;
import org.casework.core.api.access.AccessPolicy;
import org.casework.core.api.access.RecordRef;
import org.casework.core.api.spi.CaseAction;
import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.litigation.api.DueDate;
import org.casework.litigation.api.DueDateInput;
import org.casework.litigation.api.Hearing;
import org.casework.litigation.api.HearingInput;
import org.casework.litigation.api.LitigationService;
import org.casework.litigation.impl.internal.persistence.DueDateEntity;
import org.casework.litigation.impl.internal.persistence.HearingEntity;
import org.casework.persistence.api.MigratedSchema;
import org.casework.projects.api.ProjectRecord;
import org.casework.projects.api.ProjectService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Litigation's service: A-Number look-up, placeholder projects becoming cases, hearings and due
 * dates. The case engine decides who may read a case; this class asks it before touching a
 * case's hearings or due dates, so a case the caller may not read answers 404 here too.
 */
@Component(service = LitigationService.class)
public class LitigationServiceImpl implements LitigationService {

    static final int MAX_SIZE = 200;
    static final int MAX_TEXT = 200;
    static final int MAX_DESCRIPTION = 1000;
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");
    /**
     * A hearing may not be dated before the day its case was opened. The day is counted where it
     * begins last (UTC-12), so an office west of UTC is never refused a hearing on its own "today".
     */
    private static final ZoneOffset EARLIEST_DAY = ZoneOffset.ofHours(-12);

    private final JpaTemplate jpa;
    private final CaseService cases;
    private final ProjectService projects;
    private final AuditService audit;
    private final ANumberIndex index;
    private final Clock clock;

    /** Optional and dynamic like the engine's: without a policy only administrators may write. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AccessPolicy policy;

    @Activate
    public LitigationServiceImpl(@Reference(target = "(osgi.unit.name=casework-litigation)") JpaTemplate jpa,
            @Reference(target = "(" + MigratedSchema.PROPERTY + "=org.casework.litigation.impl)") MigratedSchema schema,
            @Reference CaseService cases, @Reference ProjectService projects, @Reference AuditService audit,
            @Reference ANumberIndex index) {
        this(jpa, cases, projects, audit, index, null, Clock.systemUTC());
    }

    LitigationServiceImpl(JpaTemplate jpa, CaseService cases, ProjectService projects, AuditService audit,
            ANumberIndex index, AccessPolicy policy, Clock clock) {
        this.jpa = jpa;
        this.cases = cases;
        this.projects = projects;
        this.audit = audit;
        this.index = index;
        this.policy = policy;
        this.clock = clock;
    }

    // ---- A-Numbers and placeholders ----------------------------------------------------------

    @Override
    public Optional<CaseRecord> findByANumber(Caller caller, String aNumber) {
        String a = ANumber.normalize(aNumber == null ? "" : aNumber).orElseThrow(() -> new ValidationException(
                "aNumber", "aNumber", "An A-Number has 7 to 9 digits, written with or without the A and dashes, "
                        + "e.g. A123-456-789."));
        long holder = index.holder(a);
        // The look-up is audited without the number itself: the audit trail is read more widely
        // than the cases, and the engine records the view of a case that is found.
        audit.record(caller, AuditEvent.success("search", IMMIGRATION, null,
                "A-Number look-up: " + (holder == 0 ? "no case" : "a case exists")));
        if (holder == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(cases.get(caller, IMMIGRATION, holder));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public CaseRecord createFromProject(Caller caller, long projectId, Map<String, Object> fields, String division) {
        if (fields == null) {
            throw new ValidationException("fields", "required", "Send the case's fields in \"fields\", "
                    + "with the A-Number in \"aNumber\".");
        }
        return Transactions.required(jpa, em -> {
            ProjectRecord project = projects.get(caller, projectId);
            if (!ProjectService.PLACEHOLDER.equals(project.projectType())) {
                throw new ValidationException("projectId", "placeholder", "Project " + project.number()
                        + " is not a placeholder for an immigration matter.");
            }
            if (projects.caseOf(caller, projectId) != 0) {
                throw new ValidationException("projectId", "converted",
                        "Project " + project.number() + " has already become a case.");
            }
            CaseRecord created = cases.create(caller, IMMIGRATION, fields, division);
            projects.convertedToCase(caller, projectId, created.id());
            audit.record(caller, new AuditEvent("create", IMMIGRATION, String.valueOf(created.id()),
                    AuditEvent.SUCCESS, null, List.of(new FieldChange("placeholderProject", null, project.number())),
                    "opened from placeholder project " + project.number()));
            return created;
        });
    }

    // ---- hearings ----------------------------------------------------------------------------

    @Override
    public Hearing addHearing(Caller caller, long caseId, HearingInput in) {
        CaseRecord c = changeableCase(caller, caseId, "hearings");
        ValidHearing v = validHearing(c, in);
        LocalDate date = v.date();
        String time = v.time();
        String type = v.type();
        String location = v.location();
        String judge = v.judge();
        return Transactions.required(jpa, em -> {
            Instant now = clock.instant();
            HearingEntity e = new HearingEntity(caseId, date, time, location, type, judge, now, caller.username());
            e.setCase(c.type(), c.ownerDivision(), c.assignee(), c.createdBy(), !c.closed());
            CaseMirror.upsert(em, c);
            em.persist(e);
            em.flush();
            audit.record(caller, new AuditEvent("create", c.type(), String.valueOf(caseId), AuditEvent.SUCCESS, null,
                    List.of(new FieldChange("hearing.date", null, date.toString()),
                            new FieldChange("hearing.type", null, type)),
                    "hearing " + e.getId() + " added"));
            return toHearing(e);
        });
    }

    private record ValidHearing(LocalDate date, String time, String type, String location, String judge) {
    }

    private ValidHearing validHearing(CaseRecord c, HearingInput in) {
        List<FieldError> errors = new ArrayList<>();
        HearingInput h = in == null ? new HearingInput(null, null, null, null, null) : in;
        LocalDate date = date("date", h.date(), errors);
        if (date != null) {
            LocalDate opened = LocalDate.ofInstant(c.createdAt(), EARLIEST_DAY);
            if (date.isBefore(opened)) {
                errors.add(new FieldError("date", "beforeCase", "A hearing cannot be before the case was opened ("
                        + opened + ")."));
            }
        }
        String time = text("time", h.time(), 5, errors);
        if (time != null && !TIME.matcher(time).matches()) {
            errors.add(new FieldError("time", "pattern", "Give the time as HH:mm, e.g. 09:30."));
        }
        String type = option("type", h.type(), HEARING_TYPES, "hearing", errors);
        String location = text("location", h.location(), MAX_TEXT, errors);
        String judge = text("judge", h.judge(), MAX_TEXT, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ValidHearing(date, time, type, location, judge);
    }

    @Override
    public Hearing updateHearing(Caller caller, long caseId, long hearingId, long version, HearingInput in) {
        CaseRecord c = changeableCase(caller, caseId, "hearings");
        ValidHearing v = validHearing(c, in);
        return Transactions.required(jpa, em -> {
            HearingEntity e = em.find(HearingEntity.class, hearingId);
            if (e == null || e.getCaseId() != caseId) {
                throw new NotFoundException("Hearing " + hearingId);
            }
            if (e.getVersion() != version) {
                throw new ConflictException(version, e.getVersion());
            }
            List<FieldChange> changes = new ArrayList<>();
            diff(changes, "hearing.date", e.getDate().toString(), v.date().toString());
            diff(changes, "hearing.time", e.getTime(), v.time());
            diff(changes, "hearing.location", e.getLocation(), v.location());
            diff(changes, "hearing.type", e.getType(), v.type());
            diff(changes, "hearing.judge", e.getJudge(), v.judge());
            e.change(v.date(), v.time(), v.location(), v.type(), v.judge());
            e.setCase(c.type(), c.ownerDivision(), c.assignee(), c.createdBy(), !c.closed());
            em.flush();
            audit.record(caller, new AuditEvent("update", c.type(), String.valueOf(caseId), AuditEvent.SUCCESS, null,
                    changes, "hearing " + hearingId + " changed"));
            return toHearing(e);
        });
    }

    @Override
    public void deleteHearing(Caller caller, long caseId, long hearingId) {
        CaseRecord c = changeableCase(caller, caseId, "hearings");
        Transactions.required(jpa, em -> {
            HearingEntity e = em.find(HearingEntity.class, hearingId);
            if (e == null || e.getCaseId() != caseId) {
                throw new NotFoundException("Hearing " + hearingId);
            }
            em.remove(e);
            em.flush();
            audit.record(caller, new AuditEvent("delete", c.type(), String.valueOf(caseId), AuditEvent.SUCCESS, null,
                    List.of(new FieldChange("hearing.date", e.getDate().toString(), null),
                            new FieldChange("hearing.type", e.getType(), null)),
                    "hearing " + hearingId + " removed"));
            return null;
        });
    }

    @Override
    public Page<Hearing> hearings(Caller caller, long caseId, int page, int size, String sort, boolean ascending) {
        String order = order(page, size, sort, ascending, Map.of("date", "e.date", "type", "e.type",
                "createdAt", "e.createdAt"), "e.date");
        CaseRecord c = readableCase(caller, caseId, "hearings");
        String extra = order.startsWith("e.date") ? ", e.time" + (ascending ? " ASC" : " DESC") : "";
        return Transactions.required(jpa, em -> {
            long total = em.createQuery("SELECT COUNT(e) FROM HearingEntity e WHERE e.caseId = :id", Long.class)
                    .setParameter("id", caseId).getSingleResult();
            TypedQuery<HearingEntity> q = em.createQuery("SELECT e FROM HearingEntity e WHERE e.caseId = :id ORDER BY "
                    + order + extra + ", e.id", HearingEntity.class).setParameter("id", caseId);
            List<Hearing> items = q.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                    .map(LitigationServiceImpl::toHearing).toList();
            audit.record(caller, AuditEvent.success("view", c.type(), String.valueOf(caseId), "hearings"));
            return new Page<>(items, total, page, size);
        });
    }

    // ---- due dates ---------------------------------------------------------------------------

    @Override
    public DueDate addDueDate(Caller caller, long caseId, DueDateInput in) {
        CaseRecord c = changeableCase(caller, caseId, "due-dates");
        DueDateInput d = in == null ? new DueDateInput(null, null, null) : in;
        ValidDueDate v = validDueDate(d);
        String type = v.type();
        LocalDate date = v.date();
        String description = v.description();
        return Transactions.required(jpa, em -> {
            DueDateEntity e = new DueDateEntity(caseId, type, date, description, clock.instant(), caller.username());
            e.setCase(c.type(), c.ownerDivision(), c.assignee(), c.createdBy(), !c.closed());
            if (Boolean.TRUE.equals(d.completed())) {
                e.change(type, date, description, true);
            }
            CaseMirror.upsert(em, c);
            em.persist(e);
            em.flush();
            audit.record(caller, new AuditEvent("create", c.type(), String.valueOf(caseId), AuditEvent.SUCCESS, null,
                    List.of(new FieldChange("dueDate.type", null, type), new FieldChange("dueDate.date", null,
                            date.toString())),
                    "due date " + e.getId() + " added"));
            return toDueDate(e);
        });
    }

    private record ValidDueDate(String type, LocalDate date, String description) {
    }

    private static ValidDueDate validDueDate(DueDateInput d) {
        List<FieldError> errors = new ArrayList<>();
        String type = option("type", d.type(), DUE_DATE_TYPES, "due date", errors);
        LocalDate date = date("date", d.date(), errors);
        String description = text("description", d.description(), MAX_DESCRIPTION, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ValidDueDate(type, date, description);
    }

    @Override
    public DueDate updateDueDate(Caller caller, long caseId, long dueDateId, long version, DueDateInput in) {
        CaseRecord c = changeableCase(caller, caseId, "due-dates");
        DueDateInput d = in == null ? new DueDateInput(null, null, null) : in;
        ValidDueDate v = validDueDate(d);
        return Transactions.required(jpa, em -> {
            DueDateEntity e = em.find(DueDateEntity.class, dueDateId);
            if (e == null || e.getCaseId() != caseId) {
                throw new NotFoundException("Due date " + dueDateId);
            }
            if (e.getVersion() != version) {
                throw new ConflictException(version, e.getVersion());
            }
            boolean completed = d.completed() == null ? e.isCompleted() : d.completed();
            List<FieldChange> changes = new ArrayList<>();
            diff(changes, "dueDate.type", e.getType(), v.type());
            diff(changes, "dueDate.date", e.getDate().toString(), v.date().toString());
            diff(changes, "dueDate.description", e.getDescription(), v.description());
            diff(changes, "dueDate.completed", String.valueOf(e.isCompleted()), String.valueOf(completed));
            e.change(v.type(), v.date(), v.description(), completed);
            e.setCase(c.type(), c.ownerDivision(), c.assignee(), c.createdBy(), !c.closed());
            em.flush();
            audit.record(caller, new AuditEvent("update", c.type(), String.valueOf(caseId), AuditEvent.SUCCESS, null,
                    changes, "due date " + dueDateId + " changed"));
            return toDueDate(e);
        });
    }

    @Override
    public void deleteDueDate(Caller caller, long caseId, long dueDateId) {
        CaseRecord c = changeableCase(caller, caseId, "due-dates");
        Transactions.required(jpa, em -> {
            DueDateEntity e = em.find(DueDateEntity.class, dueDateId);
            if (e == null || e.getCaseId() != caseId) {
                throw new NotFoundException("Due date " + dueDateId);
            }
            em.remove(e);
            em.flush();
            audit.record(caller, new AuditEvent("delete", c.type(), String.valueOf(caseId), AuditEvent.SUCCESS, null,
                    List.of(new FieldChange("dueDate.type", e.getType(), null),
                            new FieldChange("dueDate.date", e.getDate().toString(), null)),
                    "due date " + dueDateId + " removed"));
            return null;
        });
    }

    private static void diff(List<FieldChange> changes, String field, String before, String after) {
        if (!java.util.Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }

    @Override
    public Page<DueDate> dueDates(Caller caller, long caseId, int page, int size, String sort, boolean ascending) {
        String order = order(page, size, sort, ascending, Map.of("date", "e.date", "type", "e.type",
                "createdAt", "e.createdAt"), "e.date");
        CaseRecord c = readableCase(caller, caseId, "due-dates");
        return Transactions.required(jpa, em -> {
            long total = em.createQuery("SELECT COUNT(e) FROM DueDateEntity e WHERE e.caseId = :id", Long.class)
                    .setParameter("id", caseId).getSingleResult();
            List<DueDate> items = em.createQuery("SELECT e FROM DueDateEntity e WHERE e.caseId = :id ORDER BY "
                    + order + ", e.id", DueDateEntity.class).setParameter("id", caseId)
                    .setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                    .map(LitigationServiceImpl::toDueDate).toList();
            audit.record(caller, AuditEvent.success("view", c.type(), String.valueOf(caseId), "due dates"));
            return new Page<>(items, total, page, size);
        });
    }

    // ---- need-to-know ------------------------------------------------------------------------

    /**
     * The litigation case with this id, asked of the engine as the caller: the engine answers 404
     * (and audits the denial) for a case they may not read. Only the litigation types the caller
     * may use at all are tried; a caller who may use none is refused here and audited.
     */
    CaseRecord readableCase(Caller caller, long caseId, String what) {
        Set<String> usable = cases.caseTypes(caller).stream().map(CaseTypeDefinition::key)
                .collect(Collectors.toSet());
        for (String type : CASE_TYPES) {
            if (!usable.contains(type)) {
                continue;
            }
            try {
                return cases.get(caller, type, caseId);
            } catch (NotFoundException e) {
                // not this type, or hidden from the caller: the engine audited a hidden one
            }
        }
        if (usable.stream().noneMatch(CASE_TYPES::contains)) {
            audit.record(caller, new AuditEvent("view", "litigation", String.valueOf(caseId), AuditEvent.DENIED,
                    null, List.of(), what));
        }
        throw new NotFoundException("Case " + caseId);
    }

    /** A case the caller may read and change: 404 when they may not read it, 403 when only that. */
    CaseRecord changeableCase(Caller caller, long caseId, String what) {
        CaseRecord c = readableCase(caller, caseId, what);
        if (!mayUpdate(caller, c)) {
            audit.record(caller, new AuditEvent("update", c.type(), String.valueOf(caseId), AuditEvent.DENIED, null,
                    List.of(), what));
            throw new ForbiddenException("You may not change this case's " + what.replace('-', ' ') + ".");
        }
        return c;
    }

    private boolean mayUpdate(Caller caller, CaseRecord c) {
        if (caller.isAdmin()) {
            return true;
        }
        Optional<CaseTypeDefinition> def = cases.caseType(c.type());
        if (def.isPresent() && caller.hasAnyRole(def.get().rolesFor(CaseAction.UPDATE))) {
            return true;
        }
        AccessPolicy p = policy;
        return p != null && p.permits(caller, "update", new RecordRef("case." + c.type(), String.valueOf(c.id()),
                c.ownerDivision(), c.createdBy(), c.assignee()));
    }

    // ---- input checks ------------------------------------------------------------------------

    private static String order(int page, int size, String sort, boolean ascending, Map<String, String> columns,
            String fallback) {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0 || page > 100_000) {
            errors.add(new FieldError("page", "range", "The page number must be between 0 and 100000."));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldError("size", "range", "The page size must be between 1 and " + MAX_SIZE + "."));
        }
        String column = sort == null || sort.isBlank() ? fallback : columns.get(sort);
        if (column == null) {
            errors.add(new FieldError("sort", "unknown", "Sort by one of " + String.join(", ",
                    columns.keySet().stream().sorted().toList()) + "."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return column + (ascending ? " ASC" : " DESC");
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "required", "Give the date (yyyy-mm-dd)."));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "date", "\"" + value.strip() + "\" is not a date written yyyy-mm-dd."));
            return null;
        }
    }

    private static String option(String field, String value, List<String> options, String what,
            List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "required", "Choose the " + what + "'s type: "
                    + String.join(", ", options) + "."));
            return null;
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        if (!options.contains(v)) {
            errors.add(new FieldError(field, "option", "A " + what + "'s type is one of " + String.join(", ", options)
                    + "."));
            return null;
        }
        return v;
    }

    private static String text(String field, String value, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            errors.add(new FieldError(field, "maxLength", "At most " + max + " characters."));
        } else if (CONTROL.matcher(v).find()) {
            errors.add(new FieldError(field, "characters", "Control characters are not allowed."));
        }
        return v;
    }

    private static Hearing toHearing(HearingEntity e) {
        return new Hearing(e.getId(), e.getCaseId(), e.getDate().toString(), e.getTime(), e.getLocation(), e.getType(),
                e.getJudge(), e.getCreatedAt(), e.getCreatedBy(), e.getVersion());
    }

    private static DueDate toDueDate(DueDateEntity e) {
        return new DueDate(e.getId(), e.getCaseId(), e.getType(), e.getDate().toString(), e.getDescription(),
                e.getCreatedAt(), e.getCreatedBy(), e.isCompleted(), e.getVersion());
    }
}
