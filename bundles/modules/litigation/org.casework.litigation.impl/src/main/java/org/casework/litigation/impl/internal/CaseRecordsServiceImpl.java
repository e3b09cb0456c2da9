package org.casework.litigation.impl.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.AuditService;
import org.casework.audit.api.FieldChange;
import org.casework.core.api.AttachmentRecord;
import org.casework.core.api.Caller;
import org.casework.core.api.CaseRecord;
import org.casework.core.api.CaseService;
import org.casework.core.api.ConflictException;
import org.casework.core.api.FieldError;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.Page;
import org.casework.core.api.ValidationException;
import org.casework.core.api.access.AccessPolicy;
import org.casework.litigation.api.CaseRecordsService;
import org.casework.litigation.api.CaseSubRecord;
import org.casework.litigation.api.LitigationService;
import org.casework.litigation.api.RecordKind;
import org.casework.litigation.api.Respondent;
import org.casework.litigation.impl.internal.persistence.CaseSubRecordEntity;
import org.casework.persistence.api.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The repeating records of litigation cases. One code path for every kind: ask the engine for
 * the case as the caller, check the input whole, write, audit on the case, all in one
 * transaction; what differs per kind lives in its {@link RecordHandler}.
 */
@Component(service = CaseRecordsService.class)
public class CaseRecordsServiceImpl implements CaseRecordsService {

    static final int MAX_SIZE = 200;
    /** Nothing dated "today" anywhere on Earth is in the future: today is counted at UTC+14. */
    private static final ZoneOffset LATEST_DAY = ZoneOffset.ofHours(14);
    private static final Set<String> STAMPS = Set.of("id", "caseId", "version", "createdAt", "createdBy",
            "updatedAt", "updatedBy");

    private final JpaTemplate jpa;
    private final CaseService cases;
    private final AuditService audit;
    private final Clock clock;
    private final CaseAccess access;
    private final Map<RecordKind<?>, RecordHandler<?, ?>> handlers;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AccessPolicy policy;

    @Activate
    public CaseRecordsServiceImpl(@Reference(target = "(osgi.unit.name=casework-litigation)") JpaTemplate jpa,
            @Reference(target = "(" + MigratedSchema.PROPERTY + "=org.casework.litigation.impl)") MigratedSchema schema,
            @Reference CaseService cases, @Reference AuditService audit) {
        this(jpa, cases, audit, null, Clock.systemUTC());
    }

    CaseRecordsServiceImpl(JpaTemplate jpa, CaseService cases, AuditService audit, AccessPolicy policy,
            Clock clock) {
        this.jpa = jpa;
        this.cases = cases;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
        this.access = new CaseAccess(cases, audit, () -> this.policy);
        Map<RecordKind<?>, RecordHandler<?, ?>> byKind = new HashMap<>();
        RecordHandlers.all(cases).forEach(h -> byKind.put(h.kind(), h));
        this.handlers = Map.copyOf(byKind);
    }

    @SuppressWarnings("unchecked")
    private <T extends CaseSubRecord> RecordHandler<T, CaseSubRecordEntity> handler(RecordKind<T> kind) {
        RecordHandler<?, ?> h = handlers.get(Objects.requireNonNull(kind, "kind"));
        return (RecordHandler<T, CaseSubRecordEntity>) h;
    }

    // ---- reads -------------------------------------------------------------------------------

    @Override
    public <T extends CaseSubRecord> Page<T> list(Caller caller, long caseId, RecordKind<T> kind, int page, int size,
            String sort, boolean ascending) {
        RecordHandler<T, CaseSubRecordEntity> h = handler(kind);
        String order = order(h, page, size, sort, ascending);
        CaseRecord c = kindOf(h, access.readable(caller, caseId, kind.path()));
        String entity = h.entityClass().getSimpleName();
        return Transactions.required(jpa, em -> {
            long total = em.createQuery("SELECT COUNT(e) FROM " + entity + " e WHERE e.caseId = :id", Long.class)
                    .setParameter("id", caseId).getSingleResult();
            List<T> items = em.createQuery("SELECT e FROM " + entity + " e WHERE e.caseId = :id ORDER BY " + order
                    + ", e.id", h.entityClass()).setParameter("id", caseId).setFirstResult(page * size)
                    .setMaxResults(size).getResultList().stream().map(h::toRecord).toList();
            audit.record(caller, AuditEvent.success("view", c.type(), String.valueOf(caseId), kind.path()));
            return new Page<>(items, total, page, size);
        });
    }

    @Override
    public <T extends CaseSubRecord> T get(Caller caller, long caseId, RecordKind<T> kind, long recordId) {
        RecordHandler<T, CaseSubRecordEntity> h = handler(kind);
        CaseRecord c = kindOf(h, access.readable(caller, caseId, kind.path()));
        return Transactions.required(jpa, em -> {
            CaseSubRecordEntity e = em.find(h.entityClass(), recordId);
            if (e == null || e.getCaseId() != caseId) {
                throw new NotFoundException("The " + kind.label() + " " + recordId + " of case " + caseId);
            }
            audit.record(caller, AuditEvent.success("view", c.type(), String.valueOf(caseId),
                    kind.label() + " " + recordId));
            return h.toRecord(e);
        });
    }

    // ---- writes ------------------------------------------------------------------------------

    @Override
    public <T extends CaseSubRecord> T create(Caller caller, long caseId, RecordKind<T> kind, T record) {
        RecordHandler<T, CaseSubRecordEntity> h = handler(kind);
        CaseRecord c = kindOf(h, access.changeable(caller, caseId, kind.path()));
        T in = required(record);
        return Transactions.required(jpa, em -> {
            Instant now = clock.instant();
            RecordHandler.Context ctx = context(caller, c, em, now);
            CaseSubRecordEntity e = h.newEntity();
            Checks checks = new Checks(LocalDate.ofInstant(now, LATEST_DAY));
            h.apply(in, e, true, ctx, checks);
            checks.throwIfAny();
            e.created(caseId, now, caller.username());
            em.persist(e);
            em.flush();
            h.created(e, ctx);
            T out = h.toRecord(e);
            audit.record(caller, new AuditEvent("create", c.type(), String.valueOf(caseId), AuditEvent.SUCCESS, null,
                    changes(null, out), kind.label() + " " + e.getId() + " added"));
            return out;
        });
    }

    @Override
    public <T extends CaseSubRecord> T update(Caller caller, long caseId, RecordKind<T> kind, long recordId,
            T record) {
        RecordHandler<T, CaseSubRecordEntity> h = handler(kind);
        CaseRecord c = kindOf(h, access.changeable(caller, caseId, kind.path()));
        T in = required(record);
        if (in.version() == null) {
            throw new ValidationException("version", "required", "Send the version you read, so a change made "
                    + "meanwhile by someone else is not overwritten.");
        }
        return Transactions.required(jpa, em -> {
            CaseSubRecordEntity e = load(em, h, caseId, recordId);
            if (e.getVersion() != in.version()) {
                throw new ConflictException(in.version(), e.getVersion());
            }
            h.checkChangeable(e);
            T before = h.toRecord(e);
            Instant now = clock.instant();
            Checks checks = new Checks(LocalDate.ofInstant(now, LATEST_DAY));
            h.apply(in, e, false, context(caller, c, em, now), checks);
            checks.throwIfAny();
            e.updated(now, caller.username());
            em.flush();
            T out = h.toRecord(e);
            audit.record(caller, new AuditEvent("update", c.type(), String.valueOf(caseId), AuditEvent.SUCCESS, null,
                    changes(before, out), kind.label() + " " + recordId + " changed"));
            return out;
        });
    }

    @Override
    public void delete(Caller caller, long caseId, RecordKind<?> kind, long recordId, long version) {
        remove(caller, caseId, kind, recordId, version);
    }

    private <T extends CaseSubRecord> void remove(Caller caller, long caseId, RecordKind<T> kind, long recordId,
            long version) {
        RecordHandler<T, CaseSubRecordEntity> h = handler(kind);
        CaseRecord c = kindOf(h, access.changeable(caller, caseId, kind.path()));
        Transactions.required(jpa, em -> {
            CaseSubRecordEntity e = load(em, h, caseId, recordId);
            if (e.getVersion() != version) {
                throw new ConflictException(version, e.getVersion());
            }
            h.checkChangeable(e);
            T before = h.toRecord(e);
            em.remove(e);
            em.flush();
            audit.record(caller, new AuditEvent("delete", c.type(), String.valueOf(caseId), AuditEvent.SUCCESS, null,
                    changes(before, null), kind.label() + " " + recordId + " removed"));
            return null;
        });
    }

    // ---- the respondent ----------------------------------------------------------------------

    @Override
    public Respondent respondent(Caller caller, long caseId) {
        CaseRecord c = access.readable(caller, caseId, "respondent");
        if (!LitigationService.IMMIGRATION.equals(c.type())) {
            throw new NotFoundException("The respondent of case " + caseId + " (only immigration cases have one)");
        }
        Respondent r = respondentOf(c, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        audit.record(caller, AuditEvent.success("view", c.type(), String.valueOf(caseId), "respondent"));
        return r;
    }

    /** The respondent as the case holds it, aged on {@code today}; null parts when unknown. */
    static Respondent respondentOf(CaseRecord c, LocalDate today) {
        if (!(c.fields().get("respondent") instanceof Map<?, ?> person)) {
            return new Respondent(c.id(), null, List.of(), null, null);
        }
        List<String> aliases = person.get("aliases") instanceof List<?> l
                ? l.stream().map(String::valueOf).toList() : List.of();
        String dob = person.get("dateOfBirth") instanceof String s && !s.isBlank() ? s : null;
        Integer age = null;
        if (dob != null) {
            LocalDate born = LocalDate.parse(dob);
            age = born.isAfter(today) ? null : Period.between(born, today).getYears();
        }
        Object name = person.get("fullName");
        return new Respondent(c.id(), name == null ? null : String.valueOf(name), aliases, dob, age);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private RecordHandler.Context context(Caller caller, CaseRecord c, javax.persistence.EntityManager em,
            Instant now) {
        Supplier<Set<Long>> attachments = new Supplier<>() {
            private Set<Long> ids;

            @Override
            public Set<Long> get() {
                if (ids == null) {
                    ids = cases.attachments(caller, c.type(), c.id()).stream().map(AttachmentRecord::id)
                            .collect(Collectors.toSet());
                }
                return ids;
            }
        };
        return new RecordHandler.Context(caller, c, em, now, attachments);
    }

    private static <T extends CaseSubRecord> CaseSubRecordEntity load(javax.persistence.EntityManager em,
            RecordHandler<T, CaseSubRecordEntity> h, long caseId, long recordId) {
        CaseSubRecordEntity e = em.find(h.entityClass(), recordId);
        if (e == null || e.getCaseId() != caseId) {
            throw new NotFoundException("The " + h.kind().label() + " " + recordId + " of case " + caseId);
        }
        return e;
    }

    /** A kind that does not belong to this case's type is not there: 404, as for a missing case. */
    private static CaseRecord kindOf(RecordHandler<?, ?> h, CaseRecord c) {
        if (!h.caseTypes().contains(c.type())) {
            throw new NotFoundException("The " + h.kind().path() + " of case " + c.id() + " (only "
                    + String.join(", ", h.caseTypes()) + " cases have them)");
        }
        return c;
    }

    private static <T> T required(T record) {
        if (record == null) {
            throw new ValidationException("body", "required", "Send the record as JSON.");
        }
        return record;
    }

    private static String order(RecordHandler<?, ?> h, int page, int size, String sort, boolean ascending) {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0 || page > 100_000) {
            errors.add(new FieldError("page", "range", "The page number must be between 0 and 100000."));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldError("size", "range", "The page size must be between 1 and " + MAX_SIZE + "."));
        }
        String column = h.sorts().get(sort == null || sort.isBlank() ? h.defaultSort() : sort);
        if (column == null) {
            errors.add(new FieldError("sort", "unknown", "Sort by one of "
                    + String.join(", ", h.sorts().keySet().stream().sorted().toList()) + "."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return column + (ascending ? " ASC" : " DESC");
    }

    /** The record's data properties that differ, as the audit trail's field changes. */
    static List<FieldChange> changes(CaseSubRecord before, CaseSubRecord after) {
        CaseSubRecord any = after != null ? after : before;
        List<FieldChange> out = new ArrayList<>();
        for (RecordComponent rc : any.getClass().getRecordComponents()) {
            if (STAMPS.contains(rc.getName())) {
                continue;
            }
            String old = value(rc, before);
            String now = value(rc, after);
            if (!Objects.equals(old, now)) {
                out.add(new FieldChange(rc.getName(), old, now));
            }
        }
        return out;
    }

    private static String value(RecordComponent rc, Object record) {
        if (record == null) {
            return null;
        }
        try {
            Object v = rc.getAccessor().invoke(record);
            if (v instanceof List<?> l) {
                return l.isEmpty() ? null : l.stream().map(String::valueOf).collect(Collectors.joining("; "));
            }
            return v == null ? null : String.valueOf(v);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Record " + record.getClass().getName() + " cannot be read", e);
        }
    }
}
