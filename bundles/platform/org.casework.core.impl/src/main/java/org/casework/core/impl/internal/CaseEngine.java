package org.casework.core.impl.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.AuditService;
import org.casework.audit.api.FieldChange;
import org.casework.core.api.AttachmentContent;
import org.casework.core.api.AttachmentRecord;
import org.casework.core.api.Caller;
import org.casework.core.api.CaseQuery;
import org.casework.core.api.CaseRecord;
import org.casework.core.api.CaseService;
import org.casework.core.api.CaseworkException;
import org.casework.core.api.ConflictException;
import org.casework.core.api.FieldError;
import org.casework.core.api.FieldProvenance;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.HistoryEntry;
import org.casework.core.api.LinkRecord;
import org.casework.core.api.NoteRecord;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.Page;
import org.casework.core.api.PayloadTooLargeException;
import org.casework.core.api.StateException;
import org.casework.core.api.ValidationException;
import org.casework.core.api.access.AccessPolicy;
import org.casework.core.api.access.Grant;
import org.casework.core.api.access.RecordRef;
import org.casework.core.api.access.Visibility;
import org.casework.core.api.spi.AuthoritativeSource;
import org.casework.core.api.spi.CaseAction;
import org.casework.core.api.spi.CaseEvent;
import org.casework.core.api.spi.CaseType;
import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.core.api.spi.FieldDefinition;
import org.casework.core.api.spi.FieldType;
import org.casework.core.api.spi.StateDefinition;
import org.casework.core.api.spi.TransitionDefinition;
import org.casework.core.impl.internal.persistence.AttachmentContentEntity;
import org.casework.core.impl.internal.persistence.AttachmentEntity;
import org.casework.core.impl.internal.persistence.CaseEntity;
import org.casework.core.impl.internal.persistence.CaseValueEntity;
import org.casework.core.impl.internal.persistence.HistoryEntity;
import org.casework.core.impl.internal.persistence.LinkEntity;
import org.casework.core.impl.internal.persistence.NoteEntity;
import org.casework.core.impl.internal.search.SearchIndex;
import org.casework.core.impl.internal.validation.ContentSniffer;
import org.casework.core.impl.internal.validation.FieldValidator;
import org.casework.persistence.api.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casework.persistence.jpa.TransactionConnection;

/**
 * The case engine: storage, numbering, validation, workflow, notes, attachments, links and
 * history for every registered case type. Each public method is one transaction.
 *
 * <p>Need-to-know: an action on a case is allowed when the caller holds one of the roles the case
 * type itself grants the action to (these reach every case of the type) or when the
 * {@link AccessPolicy} allows it for that case. While no access policy runs, only the type's roles
 * and administrators get through: the engine fails closed.
 */
@Component(service = {CaseService.class, CaseGrants.class, CaseAccess.class}, configurationPid = CaseEngine.PID)
@Designate(ocd = CaseEngine.Config.class)
public class CaseEngine implements CaseService, CaseGrants, CaseAccess {

    static final String PID = "org.casework.core.engine";

    @ObjectClassDefinition(name = "Casework case engine",
            description = "Limits that apply to every case type")
    public @interface Config {
        @AttributeDefinition(name = "Largest attachment (bytes)")
        long attachmentMaxBytes() default 20L * 1024 * 1024;

        @AttributeDefinition(name = "Accepted attachment types",
                description = "Media types detected from the file's content")
        String[] attachmentTypes() default {ContentSniffer.PDF, ContentSniffer.PNG, ContentSniffer.JPEG,
            ContentSniffer.GIF, ContentSniffer.TIFF, ContentSniffer.TEXT, ContentSniffer.DOCX,
            ContentSniffer.XLSX, ContentSniffer.ODT};
    }

    private static final Logger LOG = LoggerFactory.getLogger(CaseEngine.class);
    /** How a source's name appears as the actor of the values the engine fetched from it. */
    static final String SOURCE_ACTOR = "source:";

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final Pattern ASSIGNEE = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Pattern RELATION = Pattern.compile("[a-z][a-z-]{0,39}");
    private static final Pattern FILE_NAME = Pattern.compile("[^/\\\\\\p{Cntrl}]{1,255}");
    private static final Set<String> BUILT_IN_SORTS =
            Set.of("number", "status", "createdAt", "updatedAt", "assignee", "title");
    private static final int MAX_NOTE = 20_000;
    private static final int MAX_COMMENT = 2_000;
    /** A correction's reason also goes into the audit entry's detail, which holds 2,000 characters. */
    private static final int MAX_REASON = 1_000;
    private static final int MAX_WORDS = 8;
    private static final int MAX_DIVISION = 64;

    private final JpaTemplate jpa;
    private final AuditService audit;
    private final CaseTypeRegistry registry;
    private final AuthoritativeSources sources;
    private final Clock clock;
    private final FieldValidator validator;
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private volatile Config config;

    /**
     * Optional and dynamic so the engine keeps serving the case types' own roles while the policy
     * restarts; without it, nothing else is allowed (see the class comment).
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AccessPolicy policy;

    @Activate
    public CaseEngine(@Reference(target = "(osgi.unit.name=casework-core)") JpaTemplate jpa,
            @Reference(target = "(" + MigratedSchema.PROPERTY + "=org.casework.core.impl)") MigratedSchema schema,
            @Reference CaseTypeRegistry registry, @Reference AuditService audit,
            @Reference AuthoritativeSources sources, Config config) {
        this(jpa, registry, audit, null, config, Clock.systemUTC(), sources);
    }

    CaseEngine(JpaTemplate jpa, CaseTypeRegistry registry, AuditService audit, AccessPolicy policy, Config config,
            Clock clock) {
        this(jpa, registry, audit, policy, config, clock, new AuthoritativeSources());
    }

    CaseEngine(JpaTemplate jpa, CaseTypeRegistry registry, AuditService audit, AccessPolicy policy, Config config,
            Clock clock, AuthoritativeSources sources) {
        this.sources = sources;
        this.jpa = jpa;
        this.audit = audit;
        this.registry = registry;
        this.policy = policy;
        this.config = config;
        this.clock = clock;
        this.validator = new FieldValidator(clock);
    }

    @Modified
    void modified(Config changed) {
        this.config = changed;
    }

    // ---- types -----------------------------------------------------------------------------

    @Override
    public List<CaseTypeDefinition> caseTypes(Caller caller) {
        return registry.all().stream().map(CaseType::definition)
                .filter(d -> usable(caller, d))
                .sorted(Comparator.comparing(CaseTypeDefinition::label))
                .toList();
    }

    @Override
    public Optional<CaseTypeDefinition> caseType(String type) {
        return registry.find(type).map(CaseType::definition);
    }

    private CaseType typeFor(Caller caller, String type) {
        CaseType t = registry.find(type).orElseThrow(() -> new NotFoundException("Case type " + type));
        if (!usable(caller, t.definition())) {
            throw new HiddenException("Case type " + type);
        }
        return t;
    }

    // ---- need-to-know ------------------------------------------------------------------------

    /** The access policy's name for cases of a type. */
    static String resource(CaseTypeDefinition def) {
        return "case." + def.key();
    }

    private static String actionKey(CaseAction action) {
        return action.name().toLowerCase(Locale.ROOT);
    }

    /** The type's own role lists (and administrators) reach every case of the type. */
    private static boolean byTypeRoles(Caller caller, CaseTypeDefinition def, CaseAction action) {
        return caller.hasAnyRole(def.rolesFor(action));
    }

    /** Whether the caller may do anything at all with cases of the type: else the type is hidden. */
    private boolean usable(Caller caller, CaseTypeDefinition def) {
        for (CaseAction action : CaseAction.values()) {
            if (mayAtAll(caller, def, action)) {
                return true;
            }
        }
        return false;
    }

    private boolean mayAtAll(Caller caller, CaseTypeDefinition def, CaseAction action) {
        if (byTypeRoles(caller, def, action)) {
            return true;
        }
        AccessPolicy p = policy;
        return p != null && p.mayAtAll(caller, resource(def), actionKey(action));
    }

    private boolean permits(Caller caller, CaseTypeDefinition def, CaseAction action, CaseEntity c) {
        if (byTypeRoles(caller, def, action)) {
            return true;
        }
        AccessPolicy p = policy;
        return p != null && p.permits(caller, actionKey(action), ref(def, c));
    }

    /** Which cases of the type the caller may read, for list queries. */
    private Visibility visibility(Caller caller, CaseTypeDefinition def) {
        if (byTypeRoles(caller, def, CaseAction.READ)) {
            return Visibility.ALL;
        }
        AccessPolicy p = policy;
        return p == null ? Visibility.NONE : p.visibility(caller, resource(def), actionKey(CaseAction.READ));
    }

    private static RecordRef ref(CaseTypeDefinition def, CaseEntity c) {
        return new RecordRef(resource(def), String.valueOf(c.getId()), c.getOwnerDivision(), c.getCreatedBy(),
                c.getAssignee());
    }

    private void requireAtAll(Caller caller, CaseTypeDefinition def, CaseAction action) {
        if (!mayAtAll(caller, def, action)) {
            throw new ForbiddenException("You may not " + actionKey(action)
                    + " " + def.pluralLabel().toLowerCase(Locale.ROOT) + ".");
        }
    }

    /**
     * The division that owns a new case: the one named, if the caller belongs to it (administrators
     * may name any); else the caller's only division; else none when the caller has none.
     */
    private static String ownerDivision(Caller caller, String named) {
        String d = blankToNull(named);
        if (d != null) {
            if (d.length() > MAX_DIVISION) {
                throw new ValidationException("division", "maxLength",
                        "A division name has at most " + MAX_DIVISION + " characters.");
            }
            if (!caller.divisions().contains(d) && !caller.isAdmin()) {
                throw new ValidationException("division", "membership",
                        "You do not belong to the division \"" + d + "\".");
            }
            return d;
        }
        if (caller.divisions().size() == 1) {
            return caller.divisions().iterator().next();
        }
        if (caller.divisions().size() > 1) {
            throw new ValidationException("division", "required",
                    "You belong to several divisions: choose the one that owns the case.");
        }
        return null;
    }

    // ---- cases -----------------------------------------------------------------------------

    @Override
    public CaseRecord create(Caller caller, String type, Map<String, Object> fields) {
        return create(caller, type, fields, null);
    }

    @Override
    public CaseRecord create(Caller caller, String type, Map<String, Object> fields, String division) {
        CaseRecord created = audited(caller, "create", type, null, () -> {
            CaseType ct = typeFor(caller, type);
            CaseTypeDefinition def = ct.definition();
            requireAtAll(caller, def, CaseAction.CREATE);
            String owner = ownerDivision(caller, division);
            return tx(em -> {
                FieldValidator.Result r = validate(em, caller, ct, Map.of(), fields, true);
                Instant now = clock.instant();
                CaseEntity c = new CaseEntity();
                c.setCaseType(def.key());
                c.setCaseNumber("pending");
                c.setStatus(def.workflow().initialState());
                c.setClosed(def.workflow().state(def.workflow().initialState()).map(StateDefinition::closed).orElse(false));
                c.setCreatedAt(now);
                c.setCreatedBy(caller.username());
                c.setOwnerDivision(owner);
                c.setUpdatedAt(now);
                c.setUpdatedBy(caller.username());
                c.setData(write(r.values()));
                c.setProvenance(ProvenanceCodec.write(entered(def, r.values(), caller, now)));
                em.persist(c);
                // The number derives from the id, which comes from a database sequence: unique
                // across every node sharing the database, with no lock held while the case is saved.
                c.setCaseNumber(String.format("%s-%d-%06d", def.numberPrefix(),
                        now.atZone(ZoneOffset.UTC).getYear(), c.getId()));
                applyDerived(c, def, r.values());
                index(em, def, c.getId(), r.values(), null);
                em.persist(new HistoryEntity(c.getId(), now, caller.username(), "created", null, null,
                        c.getCaseNumber()));
                List<FieldChange> set = new ArrayList<>();
                r.values().forEach((k, v) -> set.add(new FieldChange(k, null, jsonOrNull(v))));
                audit(caller, "create", def.key(), c.getId(), set, c.getCaseNumber());
                em.flush();
                fire(CaseEvent.Kind.CREATED, caller, def, c, r.values(), r.values().keySet(), now);
                return toRecord(c, def, caller);
            });
        });
        // After the commit, so a failing source never undoes the saved case.
        try {
            return askSources(created) ? reread(caller, created) : created;
        } catch (RuntimeException e) {
            LOG.warn("Case {} was saved, but its values from their sources could not be stored", created.number(), e);
            return created;
        }
    }

    /** Values a user gave for authoritative fields when opening a case: kept, marked as entered. */
    private static Map<String, FieldProvenance> entered(CaseTypeDefinition def, Map<String, Object> values,
            Caller caller, Instant now) {
        Map<String, FieldProvenance> out = new LinkedHashMap<>();
        for (FieldDefinition f : def.fields()) {
            if (f.authoritative() && values.get(f.key()) != null) {
                out.put(f.key(), new FieldProvenance(f.authoritativeSource(), FieldProvenance.Origin.ENTERED, null,
                        now, caller.username(), null));
            }
        }
        return out;
    }

    @Override
    public CaseRecord get(Caller caller, String type, long id) {
        return audited(caller, "view", type, id, () -> {
            CaseTypeDefinition def = typeFor(caller, type).definition();
            return tx(em -> {
                CaseEntity c = loadReadable(em, caller, def, id);
                audit(caller, "view", def.key(), id, List.of(), c.getCaseNumber());
                return toRecord(c, def, caller);
            });
        });
    }

    @Override
    public List<CaseRecord> getAll(Caller caller, String type, Collection<Long> ids) {
        return audited(caller, "view", type, null, () -> {
            CaseTypeDefinition def = typeFor(caller, type).definition();
            Set<Long> wanted = new LinkedHashSet<>(ids == null ? List.of() : ids);
            wanted.remove(null);
            if (wanted.size() > CaseQuery.MAX_SIZE) {
                throw new ValidationException(List.of(new FieldError("ids", "range",
                        "At most " + CaseQuery.MAX_SIZE + " cases can be read at once.")));
            }
            if (wanted.isEmpty()) {
                return List.<CaseRecord>of();
            }
            return tx(em -> {
                // one statement for all of them: a triage reads a few dozen matches on every intake
                Map<Long, CaseEntity> found = new HashMap<>();
                for (CaseEntity c : em.createQuery("SELECT c FROM CaseEntity c WHERE c.id IN :ids", CaseEntity.class)
                        .setParameter("ids", List.copyOf(wanted)).getResultList()) {
                    found.put(c.getId(), c);
                }
                List<CaseRecord> out = new ArrayList<>(wanted.size());
                for (long id : wanted) {
                    CaseEntity c = found.get(id);
                    if (c == null || !c.getCaseType().equals(def.key()) || !permits(caller, def, CaseAction.READ, c)) {
                        continue;
                    }
                    audit(caller, "view", def.key(), id, List.of(), c.getCaseNumber());
                    out.add(toRecord(c, def, caller));
                }
                return out;
            });
        });
    }

    @Override
    public CaseRecord getByNumber(Caller caller, String number) {
        return audited(caller, "view", null, number, () -> {
            return tx(em -> {
                List<CaseEntity> found = em.createQuery(
                        "SELECT c FROM CaseEntity c WHERE c.caseNumber = :n", CaseEntity.class)
                        .setParameter("n", number == null ? "" : number.strip().toUpperCase(Locale.ROOT))
                        .getResultList();
                if (found.isEmpty()) {
                    throw new NotFoundException("Case " + number);
                }
                CaseEntity c = found.get(0);
                Optional<CaseType> ct = registry.find(c.getCaseType());
                if (ct.isEmpty()) {
                    throw new NotFoundException("Case " + number);
                }
                if (!permits(caller, ct.get().definition(), CaseAction.READ, c)) {
                    throw new HiddenException("Case " + number);
                }
                audit(caller, "view", c.getCaseType(), c.getId(), List.of(), c.getCaseNumber());
                return toRecord(c, ct.get().definition(), caller);
            });
        });
    }

    @Override
    public CaseRecord update(Caller caller, String type, long id, long version, Map<String, Object> fields) {
        return audited(caller, "update", type, id, () -> {
            CaseType ct = typeFor(caller, type);
            CaseTypeDefinition def = ct.definition();
            return withConflictCheck(def, id, version, () -> tx(em -> {
                CaseEntity c = loadForChange(em, caller, def, id, version);
                Map<String, Object> stored = read(def, c.getData());
                FieldValidator.Result r = validate(em, caller, ct, stored, fields, false);
                if (r.changed().isEmpty()) {
                    return toRecord(c, def, caller);
                }
                Instant now = clock.instant();
                c.setData(write(r.values()));
                applyDerived(c, def, r.values());
                touch(c, caller, now);
                index(em, def, c.getId(), r.values(), r.changed());
                List<FieldChange> changes = new ArrayList<>();
                for (String key : r.changed()) {
                    String before = jsonOrNull(stored.get(key));
                    String after = jsonOrNull(r.values().get(key));
                    em.persist(new HistoryEntity(id, now, caller.username(), "updated", key, before, after));
                    changes.add(new FieldChange(key, before, after));
                }
                audit(caller, "update", def.key(), id, changes, c.getCaseNumber());
                em.flush();
                fire(CaseEvent.Kind.UPDATED, caller, def, c, r.values(), r.changed(), now);
                return toRecord(c, def, caller);
            }));
        });
    }

    @Override
    public CaseRecord transition(Caller caller, String type, long id, long version, String transition,
            String comment) {
        return audited(caller, "transition", type, id, () -> {
            CaseTypeDefinition def = typeFor(caller, type).definition();
            if (transition == null || transition.isBlank()) {
                throw new ValidationException("transition", "required", "Choose a transition.");
            }
            TransitionDefinition t = def.workflow().transition(transition).orElseThrow(() ->
                    new ValidationException("transition", "unknown", "There is no transition \"" + transition + "\"."));
            String reason = comment == null ? null : comment.strip();
            if (t.commentRequired() && (reason == null || reason.isEmpty())) {
                throw new ValidationException("comment", "required", "Give a reason for \"" + t.label() + "\".");
            }
            if (reason != null && reason.length() > MAX_COMMENT) {
                throw new ValidationException("comment", "maxLength", "A reason may have at most " + MAX_COMMENT + " characters.");
            }
            return withConflictCheck(def, id, version, () -> tx(em -> {
                CaseEntity c = loadForChange(em, caller, def, id, version);
                if (!t.roles().isEmpty() && !caller.hasAnyRole(t.roles())) {
                    throw new ForbiddenException("You may not \"" + t.label() + "\" this case.");
                }
                if (!t.from().contains(c.getStatus())) {
                    throw new StateException("transition", "notAllowed", "\"" + t.label()
                            + "\" is not possible while the case is " + stateLabel(def, c.getStatus()) + ".");
                }
                Instant now = clock.instant();
                String from = c.getStatus();
                c.setStatus(t.to());
                c.setClosed(def.workflow().state(t.to()).map(StateDefinition::closed).orElse(false));
                touch(c, caller, now);
                em.persist(new HistoryEntity(id, now, caller.username(), "transitioned", "status", from, t.to()));
                audit(caller, "transition", def.key(), id, List.of(new FieldChange("status", from, t.to())), t.key());
                if (reason != null && !reason.isEmpty()) {
                    em.persist(new NoteEntity(id, t.label() + ": " + reason, now, caller.username()));
                }
                em.flush();
                fire(CaseEvent.Kind.TRANSITIONED, caller, def, c, read(def, c.getData()), Set.of("status"), now);
                return toRecord(c, def, caller);
            }));
        });
    }

    @Override
    public CaseRecord assign(Caller caller, String type, long id, long version, String assignee, String team) {
        return audited(caller, "update", type, id, () -> {
            CaseTypeDefinition def = typeFor(caller, type).definition();
            List<FieldError> errors = new ArrayList<>();
            String a = blankToNull(assignee);
            String tm = blankToNull(team);
            if (a != null && !ASSIGNEE.matcher(a).matches()) {
                errors.add(new FieldError("assignee", "pattern", "A user name has 1-64 letters, digits or . _ @ -"));
            }
            if (tm != null && !ASSIGNEE.matcher(tm).matches()) {
                errors.add(new FieldError("team", "pattern", "A team name has 1-64 letters, digits or . _ @ -"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return withConflictCheck(def, id, version, () -> tx(em -> {
                CaseEntity c = loadForChange(em, caller, def, id, version);
                Instant now = clock.instant();
                if (!java.util.Objects.equals(a, c.getAssignee())) {
                    em.persist(new HistoryEntity(id, now, caller.username(), "assigned", "assignee", c.getAssignee(), a));
                }
                if (!java.util.Objects.equals(tm, c.getTeam())) {
                    em.persist(new HistoryEntity(id, now, caller.username(), "assigned", "team", c.getTeam(), tm));
                }
                List<FieldChange> changes = new ArrayList<>();
                if (!java.util.Objects.equals(a, c.getAssignee())) {
                    changes.add(new FieldChange("assignee", c.getAssignee(), a));
                }
                if (!java.util.Objects.equals(tm, c.getTeam())) {
                    changes.add(new FieldChange("team", c.getTeam(), tm));
                }
                audit(caller, "update", def.key(), id, changes, "assignment");
                c.setAssignee(a);
                c.setTeam(tm);
                touch(c, caller, now);
                em.flush();
                fire(CaseEvent.Kind.ASSIGNED, caller, def, c, read(def, c.getData()), Set.of("assignee"), now);
                return toRecord(c, def, caller);
            }));
        });
    }

    @Override
    public CaseRecord transfer(Caller caller, String type, long id, long version, String division, String reason) {
        return audited(caller, "update", type, id, () -> {
            CaseTypeDefinition def = typeFor(caller, type).definition();
            List<FieldError> errors = new ArrayList<>();
            String to = blankToNull(division);
            String why = reason == null ? null : reason.strip();
            if (to == null) {
                errors.add(new FieldError("division", "required", "Name the division that takes the case over."));
            } else if (to.length() > MAX_DIVISION) {
                errors.add(new FieldError("division", "maxLength",
                        "A division name has at most " + MAX_DIVISION + " characters."));
            }
            if (why == null || why.isEmpty()) {
                errors.add(new FieldError("reason", "required", "Give the reason for the transfer."));
            } else if (why.length() > MAX_COMMENT) {
                errors.add(new FieldError("reason", "maxLength", "A reason may have at most " + MAX_COMMENT
                        + " characters."));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return withConflictCheck(def, id, version, () -> tx(em -> {
                CaseEntity c = loadForChange(em, caller, def, id, version);
                AccessPolicy p = policy;
                if (!caller.isAdmin() && (p == null || !p.permits(caller, "transfer", ref(def, c)))) {
                    throw new ForbiddenException("You may not transfer this " + def.label().toLowerCase(Locale.ROOT)
                            + " to another division.");
                }
                String from = c.getOwnerDivision();
                if (to.equals(from)) {
                    throw new ValidationException("division", "same", "The case already belongs to \"" + to + "\".");
                }
                Instant now = clock.instant();
                c.setOwnerDivision(to);
                touch(c, caller, now);
                em.persist(new HistoryEntity(id, now, caller.username(), "transferred", "ownerDivision", from, to));
                em.persist(new NoteEntity(id, "Transferred from " + (from == null ? "no division" : from) + " to "
                        + to + ": " + why, now, caller.username()));
                audit(caller, "update", def.key(), id, List.of(new FieldChange("ownerDivision", from, to)),
                        "transfer: " + why);
                em.flush();
                fire(CaseEvent.Kind.TRANSFERRED, caller, def, c, read(def, c.getData()), Set.of("ownerDivision"), now);
                return toRecord(c, def, caller);
            }));
        });
    }

    @Override
    public Page<CaseRecord> search(Caller caller, String type, CaseQuery q) {
        return audited(caller, "search", type, null, () -> {
            CaseTypeDefinition def = typeFor(caller, type).definition();
            List<FieldError> errors = new ArrayList<>();
            if (q.page() < 0 || q.page() > 100_000) {
                errors.add(new FieldError("page", "range", "The page number must be between 0 and 100000."));
            }
            if (q.size() < 1 || q.size() > CaseQuery.MAX_SIZE) {
                errors.add(new FieldError("size", "range", "The page size must be between 1 and " + CaseQuery.MAX_SIZE + "."));
            }
            String sort = q.sort() == null || q.sort().isBlank() ? "createdAt" : q.sort();
            // A field the caller may not read is unknown to them: sorting or filtering on it would
            // reveal its values, and a different message would reveal that it exists.
            Optional<FieldDefinition> sortField = def.field(sort).filter(f -> f.readableBy(caller));
            if (!BUILT_IN_SORTS.contains(sort) && sortField.isEmpty()) {
                errors.add(new FieldError("sort", "unknown", "Cases cannot be sorted by \"" + sort + "\"."));
            }
            if (q.status() != null && def.workflow().state(q.status()).isEmpty()) {
                errors.add(new FieldError("status", "unknown", "There is no status \"" + q.status() + "\"."));
            }
            Map<String, String> filters = new LinkedHashMap<>();
            for (Map.Entry<String, String> f : q.fieldEquals().entrySet()) {
                Optional<FieldDefinition> fd = def.field(f.getKey()).filter(x -> x.readableBy(caller));
                if (fd.isEmpty()) {
                    errors.add(new FieldError("f." + f.getKey(), "unknown", "There is no field \"" + f.getKey() + "\"."));
                } else {
                    filters.put(f.getKey(), SearchIndex.filterValue(fd.get(), f.getValue()));
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            Visibility visible = visibility(caller, def);
            if (visible.none()) {
                return tx(em -> {
                    audit(caller, "search", def.key(), null, List.of(), describe(q, sort));
                    return new Page<CaseRecord>(List.of(), 0, q.page(), q.size());
                });
            }
            List<String> words = q.text() == null ? List.of()
                    : List.of(SearchIndex.fold(q.text()).split("\\s+")).stream()
                            .filter(w -> !w.isEmpty()).limit(MAX_WORDS).toList();

            StringBuilder where = new StringBuilder(" WHERE c.caseType = :type");
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("type", def.key());
            if (q.status() != null) {
                where.append(" AND c.status = :status");
                params.put("status", q.status());
            }
            if (q.assignee() != null && !q.assignee().isBlank()) {
                where.append(" AND c.assignee = :assignee");
                params.put("assignee", q.assignee());
            }
            for (int i = 0; i < words.size(); i++) {
                where.append(" AND c.searchText LIKE :w").append(i).append(" ESCAPE '\\'");
                params.put("w" + i, "%" + words.get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            narrow(where, params, visible, caller);
            int i = 0;
            for (Map.Entry<String, String> f : filters.entrySet()) {
                where.append(" AND c.id IN (SELECT v").append(i).append(".caseId FROM CaseValueEntity v").append(i)
                        .append(" WHERE v").append(i).append(".fieldKey = :fk").append(i)
                        .append(" AND v").append(i).append(".valueText = :fv").append(i).append(')');
                params.put("fk" + i, f.getKey());
                params.put("fv" + i, f.getValue());
                i++;
            }
            String dir = q.ascending() ? " ASC" : " DESC";
            String from;
            String order;
            if (sortField.isPresent() && !BUILT_IN_SORTS.contains(sort)) {
                from = "SELECT c FROM CaseEntity c LEFT JOIN CaseValueEntity s ON s.caseId = c.id AND s.fieldKey = :sortKey AND s.ordinal = 0";
                params.put("sortKey", sort);
                order = " ORDER BY " + (sortField.get().type() == FieldType.NUMBER ? "s.valueNum" : "s.valueText") + dir + ", c.id" + dir;
            } else {
                from = "SELECT c FROM CaseEntity c";
                String column = switch (sort) {
                    case "number" -> "c.caseNumber";
                    case "status" -> "c.status";
                    case "updatedAt" -> "c.updatedAt";
                    case "assignee" -> "c.assignee";
                    case "title" -> "c.title";
                    default -> "c.createdAt";
                };
                order = " ORDER BY " + column + dir + ", c.id" + dir;
            }
            return tx(em -> {
                TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM CaseEntity c" + where, Long.class);
                TypedQuery<CaseEntity> list = em.createQuery(from + where + order, CaseEntity.class);
                params.forEach((k, v) -> {
                    list.setParameter(k, v);
                    if (!k.equals("sortKey")) {
                        count.setParameter(k, v);
                    }
                });
                long total = count.getSingleResult();
                audit(caller, "search", def.key(), null, List.of(), describe(q, sort));
                List<CaseRecord> items = list.setFirstResult(q.page() * q.size()).setMaxResults(q.size())
                        .getResultList().stream().map(c -> toRecord(c, def, caller)).toList();
                return new Page<>(items, total, q.page(), q.size());
            });
        });
    }

    // ---- notes, attachments, links, history --------------------------------------------------

    @Override
    public NoteRecord addNote(Caller caller, String type, long id, String text) {
        return audited(caller, "update", type, id, () -> {
            CaseTypeDefinition def = typeFor(caller, type).definition();
            String body = text == null ? "" : text.strip();
            if (body.isEmpty()) {
                throw new ValidationException("text", "required", "Write the note's text.");
            }
            if (body.length() > MAX_NOTE) {
                throw new ValidationException("text", "maxLength", "A note may have at most " + MAX_NOTE + " characters.");
            }
            return tx(em -> {
                CaseEntity c = loadChangeable(em, caller, def, id);
                Instant now = clock.instant();
                NoteEntity n = new NoteEntity(c.getId(), body, now, caller.username());
                em.persist(n);
                em.flush();
                em.persist(new HistoryEntity(id, now, caller.username(), "note-added", null, null, String.valueOf(n.getId())));
                audit(caller, "update", def.key(), id, List.of(), "note " + n.getId() + " added");
                return new NoteRecord(n.getId(), id, body, now, caller.username());
            });
        });
    }

    @Override
    public List<NoteRecord> notes(Caller caller, String type, long id) {
        return audited(caller, "view", type, id, () -> {
            CaseTypeDefinition def = typeFor(caller, type).definition();
            return tx(em -> {
                loadReadable(em, caller, def, id);
                audit(caller, "view", def.key(), id, List.of(), "notes");
                return em.createQuery("SELECT n FROM NoteEntity n WHERE n.caseId = :id ORDER BY n.createdAt, n.id", NoteEntity.class)
                        .setParameter("id", id).getResultList().stream()
                        .map(n -> new NoteRecord(n.getId(), n.getCaseId(), n.getBody(), n.getCreatedAt(), n.getCreatedBy()))
                        .toList();
            });
        });
    }

    @Override
    public AttachmentRecord addAttachment(Caller caller, String type, long id, String fileName,
            String claimedContentType, InputStream content) {
        return audited(caller, "update", type, id, () -> {
            CaseTypeDefinition def = typeFor(caller, type).definition();
            String name = fileName == null ? "" : fileName.strip();
            if (!FILE_NAME.matcher(name).matches()) {
                throw new ValidationException("fileName", "pattern",
                        "Give the file a name of 1-255 characters without slashes.");
            }
            Config cfg = config;
            byte[] bytes;
            try {
                bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, cfg.attachmentMaxBytes() + 1));
            } catch (IOException e) {
                throw new ValidationException("file", "unreadable", "The file could not be received completely.");
            }
            if (bytes.length > cfg.attachmentMaxBytes()) {
                throw new PayloadTooLargeException("file", cfg.attachmentMaxBytes());
            }
            if (bytes.length == 0) {
                throw new ValidationException("file", "required", "The file is empty.");
            }
            ContentSniffer.Verdict v = ContentSniffer.sniff(bytes);
            if (v.executable()) {
                throw new ValidationException("file", "executable", "Programs and scripts cannot be attached.");
            }
            String detected = v.contentType().filter(t -> List.of(cfg.attachmentTypes()).contains(t)).orElseThrow(() ->
                    new ValidationException("file", "contentType", "This kind of file cannot be attached. Accepted: "
                            + String.join(", ", cfg.attachmentTypes()) + "."));
            if (!ContentSniffer.compatible(claimedContentType, detected)) {
                throw new ValidationException("file", "contentTypeMismatch", "The file's content is " + detected
                        + ", not " + claimedContentType + " as its type says.");
            }
            String sha = sha256(bytes);
            return tx(em -> {
                CaseEntity c = loadChangeable(em, caller, def, id);
                Instant now = clock.instant();
                AttachmentEntity a = new AttachmentEntity(c.getId(), name, detected, bytes.length, sha, now, caller.username());
                em.persist(a);
                em.flush();
                em.persist(new AttachmentContentEntity(a.getId(), bytes));
                em.persist(new HistoryEntity(id, now, caller.username(), "attachment-added", null, null, name));
                audit(caller, "update", def.key(), id, List.of(), "attachment " + a.getId() + " added");
                return toRecord(a);
            });
        });
    }

    @Override
    public List<AttachmentRecord> attachments(Caller caller, String type, long id) {
        return audited(caller, "view", type, id, () -> {
            CaseTypeDefinition def = typeFor(caller, type).definition();
            return tx(em -> {
                loadReadable(em, caller, def, id);
                audit(caller, "view", def.key(), id, List.of(), "attachments");
                return em.createQuery("SELECT a FROM AttachmentEntity a WHERE a.caseId = :id ORDER BY a.createdAt, a.id",
                        AttachmentEntity.class).setParameter("id", id).getResultList().stream()
                        .map(CaseEngine::toRecord).toList();
            });
        });
    }

    @Override
    public AttachmentContent attachment(Caller caller, String type, long id, long attachmentId) {
        return audited(caller, "export", type, id, () -> {
            CaseTypeDefinition def = typeFor(caller, type).definition();
            return tx(em -> {
                loadReadable(em, caller, def, id);
                AttachmentEntity a = em.find(AttachmentEntity.class, attachmentId);
                if (a == null || a.getCaseId() != id) {
                    throw new NotFoundException("Attachment " + attachmentId);
                }
                AttachmentContentEntity content = em.find(AttachmentContentEntity.class, attachmentId);
                audit(caller, "export", def.key(), id, List.of(), "attachment " + attachmentId + " downloaded");
                return new AttachmentContent(toRecord(a), content.getContent());
            });
        });
    }

    @Override
    public LinkRecord link(Caller caller, String type, long id, long otherCaseId, String relation) {
        return audited(caller, "update", type, id, () -> {
            CaseTypeDefinition def = typeFor(caller, type).definition();
            String rel = relation == null || relation.isBlank() ? "related" : relation.strip();
            if (!RELATION.matcher(rel).matches()) {
                throw new ValidationException("relation", "pattern", "A relation is 1-40 lower-case letters or dashes, e.g. related.");
            }
            if (otherCaseId == id) {
                throw new ValidationException("otherCaseId", "self", "A case cannot be linked to itself.");
            }
            return tx(em -> {
                CaseEntity c = loadChangeable(em, caller, def, id);
                CaseEntity other = em.find(CaseEntity.class, otherCaseId);
                if (other == null || !readable(caller, other)) {
                    throw new ValidationException("otherCaseId", "reference", "No case with id " + otherCaseId + " was found.");
                }
                Long existing = em.createQuery("SELECT COUNT(l) FROM LinkEntity l WHERE l.relation = :r AND "
                        + "((l.caseId = :a AND l.otherCaseId = :b) OR (l.caseId = :b AND l.otherCaseId = :a))", Long.class)
                        .setParameter("r", rel).setParameter("a", id).setParameter("b", otherCaseId).getSingleResult();
                if (existing > 0) {
                    throw new ValidationException("otherCaseId", "duplicate", "These cases are already linked.");
                }
                Instant now = clock.instant();
                LinkEntity l = new LinkEntity(c.getId(), otherCaseId, rel, now, caller.username());
                em.persist(l);
                em.persist(new HistoryEntity(id, now, caller.username(), "linked", null, null, rel + " " + other.getCaseNumber()));
                em.persist(new HistoryEntity(otherCaseId, now, caller.username(), "linked", null, null, rel + " " + c.getCaseNumber()));
                audit(caller, "update", def.key(), id, List.of(), "linked " + rel + " to case " + otherCaseId);
                em.flush();
                return new LinkRecord(l.getId(), id, otherCaseId, other.getCaseType(), other.getCaseNumber(), rel, now, caller.username());
            });
        });
    }

    @Override
    public List<LinkRecord> links(Caller caller, String type, long id) {
        return audited(caller, "view", type, id, () -> {
            CaseTypeDefinition def = typeFor(caller, type).definition();
            return tx(em -> {
                loadReadable(em, caller, def, id);
                audit(caller, "view", def.key(), id, List.of(), "links");
                List<LinkEntity> links = em.createQuery(
                        "SELECT l FROM LinkEntity l WHERE l.caseId = :id OR l.otherCaseId = :id ORDER BY l.createdAt, l.id",
                        LinkEntity.class).setParameter("id", id).getResultList();
                List<LinkRecord> out = new ArrayList<>();
                for (LinkEntity l : links) {
                    long otherId = l.getCaseId() == id ? l.getOtherCaseId() : l.getCaseId();
                    CaseEntity other = em.find(CaseEntity.class, otherId);
                    // A link to a case the caller may not read would reveal that case exists.
                    if (other != null && readable(caller, other)) {
                        out.add(new LinkRecord(l.getId(), id, otherId, other.getCaseType(), other.getCaseNumber(),
                                l.getRelation(), l.getCreatedAt(), l.getCreatedBy()));
                    }
                }
                return out;
            });
        });
    }

    @Override
    public List<HistoryEntry> history(Caller caller, String type, long id) {
        return audited(caller, "view", type, id, () -> {
            CaseTypeDefinition def = typeFor(caller, type).definition();
            return tx(em -> {
                loadReadable(em, caller, def, id);
                audit(caller, "view", def.key(), id, List.of(), "history");
                return em.createQuery("SELECT h FROM HistoryEntity h WHERE h.caseId = :id ORDER BY h.at, h.id",
                        HistoryEntity.class).setParameter("id", id).getResultList().stream()
                        .filter(h -> h.getFieldKey() == null
                                || def.field(h.getFieldKey()).map(f -> f.readableBy(caller)).orElse(true))
                        .map(h -> new HistoryEntry(h.getId(), h.getCaseId(), h.getAt(), h.getActor(), h.getAction(),
                                h.getFieldKey(), h.getOldValue(), h.getNewValue(), h.getDetail()))
                        .toList();
            });
        });
    }

    // ---- authoritative-source fields ---------------------------------------------------------

    @Override
    public CaseRecord correctField(Caller caller, String type, long id, long version, String field, Object value,
            String reason) {
        return audited(caller, "update", type, id, () -> {
            CaseType ct = typeFor(caller, type);
            CaseTypeDefinition def = ct.definition();
            FieldDefinition f = def.field(field).filter(x -> x.readableBy(caller))
                    .orElseThrow(() -> new NotFoundException("Field " + field));
            String why = reason == null ? "" : reason.strip();
            return withConflictCheck(def, id, version, () -> tx(em -> {
                CaseEntity c = loadReadable(em, caller, def, id);
                if (!caller.isAdmin()) {
                    throw new ForbiddenException("Only an administrator may correct \"" + f.label() + "\".");
                }
                if (!f.authoritative()) {
                    throw new ValidationException("field", "notAuthoritative", "\"" + f.label()
                            + "\" does not come from another system: change it by editing the case.");
                }
                if (why.isEmpty()) {
                    throw new ValidationException("reason", "required", "Say why the value from "
                            + f.authoritativeSource() + " is being corrected.");
                }
                if (why.length() > MAX_REASON) {
                    throw new ValidationException("reason", "maxLength", "A reason may have at most " + MAX_REASON
                            + " characters.");
                }
                if (c.getVersion() != version) {
                    throw new ConflictException(version, c.getVersion());
                }
                Instant now = clock.instant();
                return storeAuthoritative(em, caller, ct, c, f, value,
                        new FieldProvenance(f.authoritativeSource(), FieldProvenance.Origin.CORRECTED, null, now,
                                caller.username(), why),
                        "corrected", why, "correction of " + f.key() + " (owned by " + f.authoritativeSource() + "): " + why);
            }));
        });
    }

    @Override
    public CaseRecord recordSourceValue(Caller caller, String type, long id, String field, String source, Object value,
            Instant fetchedAt) {
        return audited(caller, "update", type, id, () -> {
            if (!caller.system()) {
                throw new ForbiddenException("Only a connector may record a value from " + source + ".");
            }
            CaseType ct = typeFor(caller, type);
            CaseTypeDefinition def = ct.definition();
            FieldDefinition f = def.field(field).orElseThrow(() ->
                    new ValidationException("field", "unknown", "This case type has no field called \"" + field + "\"."));
            if (!f.authoritative()) {
                throw new ValidationException("field", "notAuthoritative", "\"" + f.label()
                        + "\" does not come from another system.");
            }
            if (!f.authoritativeSource().equals(source)) {
                throw new ValidationException("source", "notOwner", "\"" + f.label() + "\" comes from "
                        + f.authoritativeSource() + ", not from " + source + ".");
            }
            // A source has no version to send: when a person saves the case at the same moment,
            // try again on the version they left.
            for (int attempt = 1;; attempt++) {
                try {
                    return tx(em -> {
                        CaseEntity c = load(em, def, id);
                        Instant now = clock.instant();
                        Instant at = fetchedAt == null ? now : fetchedAt;
                        return storeAuthoritative(em, caller, ct, c, f, value,
                                new FieldProvenance(source, FieldProvenance.Origin.SOURCE, at, now, caller.username(), null),
                                "source-updated", source + ", fetched " + at,
                                source + " gave " + f.key() + " (fetched " + at + ")");
                    });
                } catch (RuntimeException e) {
                    if (attempt == 3 || !isOptimisticLock(e)) {
                        throw e;
                    }
                }
            }
        });
    }

    @Override
    public CaseRecord refreshFromSources(Caller caller, String type, long id) {
        CaseRecord before = audited(caller, "update", type, id, () -> {
            CaseTypeDefinition def = typeFor(caller, type).definition();
            return tx(em -> {
                CaseEntity c = loadChangeable(em, caller, def, id);
                audit(caller, "update", def.key(), id, List.of(), "refresh from "
                        + String.join(", ", owners(def).keySet()));
                return toRecord(c, def, caller);
            });
        });
        askSources(before);
        return reread(caller, before);
    }

    /** The authoritative fields of a type by the source that owns them. */
    private static Map<String, Set<String>> owners(CaseTypeDefinition def) {
        Map<String, Set<String>> owned = new LinkedHashMap<>();
        for (FieldDefinition f : def.fields()) {
            if (f.authoritative()) {
                owned.computeIfAbsent(f.authoritativeSource(), k -> new java.util.LinkedHashSet<>()).add(f.key());
            }
        }
        return owned;
    }

    /**
     * Asks each running source that owns fields of the case's type for its values and stores them
     * under the source's system name, each in a transaction of its own. True when any was stored.
     */
    private boolean askSources(CaseRecord kase) {
        CaseTypeDefinition def = registry.find(kase.type()).map(CaseType::definition).orElse(null);
        if (def == null) {
            return false;
        }
        boolean stored = false;
        Map<String, Object> values = null;
        for (Map.Entry<String, Set<String>> owner : owners(def).entrySet()) {
            String name = owner.getKey();
            Optional<AuthoritativeSource> source = sources.find(name);
            if (source.isEmpty()) {
                continue;
            }
            if (values == null) {
                values = tx(em -> read(def, load(em, def, kase.id()).getData()));
            }
            Map<String, AuthoritativeSource.SourceValue> answer;
            try {
                answer = source.get().lookup(new AuthoritativeSource.Lookup(def.key(), kase.id(), kase.number(), values,
                        owner.getValue()));
            } catch (RuntimeException e) {
                LOG.debug("Source {} did not answer for case {}", name, kase.number(), e);
                continue;
            }
            if (answer == null) {
                continue;
            }
            Caller as = Caller.system(SOURCE_ACTOR + name);
            for (Map.Entry<String, AuthoritativeSource.SourceValue> v : answer.entrySet()) {
                if (!owner.getValue().contains(v.getKey()) || v.getValue() == null) {
                    LOG.warn("Source {} gave a value for {}, a field it does not own; ignored", name, v.getKey());
                    continue;
                }
                try {
                    recordSourceValue(as, def.key(), kase.id(), v.getKey(), name, v.getValue().value(),
                            v.getValue().fetchedAt());
                    stored = true;
                } catch (CaseworkException e) {
                    // An operator must look at a source whose data the case type refuses.
                    LOG.warn("Source {} gave a value for {} of case {} that was refused: {} {}", name, v.getKey(),
                            kase.number(), e.getMessage(), e.errors());
                }
            }
        }
        return stored;
    }

    /** The case as the caller may see it now, without auditing another view. */
    private CaseRecord reread(Caller caller, CaseRecord kase) {
        CaseTypeDefinition def = registry.find(kase.type()).map(CaseType::definition).orElseThrow(() ->
                new NotFoundException("Case type " + kase.type()));
        return tx(em -> toRecord(load(em, def, kase.id()), def, caller));
    }

    /**
     * Sets one authoritative field past the rule that keeps users from it: checks the value like
     * any other (errors name {@code value}), stores it with its provenance, writes history and
     * audit, and tells listeners (an A-Number index must follow a corrected A-Number).
     */
    private CaseRecord storeAuthoritative(EntityManager em, Caller caller, CaseType ct, CaseEntity c, FieldDefinition f,
            Object value, FieldProvenance provenance, String action, String detail, String auditDetail) {
        CaseTypeDefinition def = ct.definition();
        Map<String, Object> stored = read(def, c.getData());
        Map<String, Object> input = new java.util.HashMap<>();
        input.put(f.key(), value);
        FieldValidator.Result r = validator.apply(def, stored, input, false, caller, ref -> {
            CaseEntity other = em.find(CaseEntity.class, ref);
            return other != null && readable(caller, other);
        }, true);
        List<FieldError> errors = new ArrayList<>(r.errors());
        if (errors.isEmpty()) {
            ct.validate(r.values(), errors);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.stream().map(e -> asValueError(e, f)).toList());
        }
        Instant now = provenance.recordedAt();
        Map<String, FieldProvenance> all = ProvenanceCodec.read(c.getProvenance());
        FieldProvenance previous = all.get(f.key());
        if (r.values().get(f.key()) == null) {
            all.remove(f.key());
        } else {
            all.put(f.key(), provenance);
        }
        c.setProvenance(ProvenanceCodec.write(all));
        boolean changed = !r.changed().isEmpty();
        String before = jsonOrNull(stored.get(f.key()));
        String after = jsonOrNull(r.values().get(f.key()));
        if (changed) {
            c.setData(write(r.values()));
            applyDerived(c, def, r.values());
            index(em, def, c.getId(), r.values(), r.changed());
        }
        // A source restating the value it gave before only renews the fetched-at time: the audit
        // trail has it, the history would drown in it.
        boolean renewal = !changed && provenance.origin() == FieldProvenance.Origin.SOURCE && previous != null
                && previous.origin() == FieldProvenance.Origin.SOURCE;
        if (!renewal) {
            touch(c, caller, now);
            em.persist(new HistoryEntity(c.getId(), now, caller.username(), action, f.key(), before, after, detail));
        }
        audit(caller, "update", def.key(), c.getId(),
                changed ? List.of(new FieldChange(f.key(), before, after)) : List.of(), auditDetail);
        em.flush();
        if (changed) {
            fire(CaseEvent.Kind.UPDATED, caller, def, c, r.values(), r.changed(), now);
        }
        return toRecord(c, def, caller);
    }

    /** An error about the single value sent, named as the request names it: {@code value}. */
    private static FieldError asValueError(FieldError e, FieldDefinition f) {
        String own = FieldValidator.PREFIX + f.key();
        if (e.field() != null && (e.field().equals(own) || e.field().startsWith(own + "."))) {
            return new FieldError("value" + e.field().substring(own.length()), e.rule(), e.message());
        }
        return e;
    }

    // ---- access for the bundle's other services ----------------------------------------------

    @Override
    public JpaTemplate jpa() {
        return jpa;
    }

    @Override
    public CaseTypeDefinition usableType(Caller caller, String type) {
        return typeFor(caller, type).definition();
    }

    @Override
    public CaseEntity readable(EntityManager em, Caller caller, CaseTypeDefinition def, long id) {
        return loadReadable(em, caller, def, id);
    }

    @Override
    public CaseEntity changeable(EntityManager em, Caller caller, CaseTypeDefinition def, long id) {
        return loadChangeable(em, caller, def, id);
    }

    @Override
    public boolean hidesCase(CaseworkException e) {
        return e instanceof HiddenException;
    }

    // ---- record grants -----------------------------------------------------------------------

    @Override
    public List<Grant> grants(Caller caller, String type, long id) {
        RecordRef ref = grantable(caller, "view", type, id);
        AccessPolicy p = policy;
        return p == null ? List.of() : p.grants(caller, ref);
    }

    @Override
    public Grant grant(Caller caller, String type, long id, String grantee, String action) {
        RecordRef ref = grantable(caller, "permission", type, id);
        return requirePolicy().grant(caller, ref, grantee, action);
    }

    @Override
    public void revoke(Caller caller, String type, long id, String grantee, String action) {
        RecordRef ref = grantable(caller, "permission", type, id);
        requirePolicy().revoke(caller, ref, grantee, action);
    }

    /**
     * The case as the access policy knows it, for a caller who may read it. Whether they may
     * grant is the policy's decision, and the policy audits it.
     */
    private RecordRef grantable(Caller caller, String action, String type, long id) {
        return audited(caller, action, type, id, () -> {
            CaseTypeDefinition def = typeFor(caller, type).definition();
            return tx(em -> ref(def, loadReadable(em, caller, def, id)));
        });
    }

    private AccessPolicy requirePolicy() {
        AccessPolicy p = policy;
        if (p == null) {
            throw new CaseworkException(503, "unavailable",
                    "Sharing cases is not available right now: the access policy is not running.", List.of());
        }
        return p;
    }

    // ---- audit -------------------------------------------------------------------------------

    /** A not-found that hides a record the caller may not read: audited as a denial. */
    private static final class HiddenException extends NotFoundException {
        private static final long serialVersionUID = 1L;

        HiddenException(String what) {
            super(what);
        }
    }

    /**
     * Runs one public operation and audits the denials it raises. They are recorded after the
     * operation's transaction has rolled back, so the denial's entry survives it.
     */
    private <R> R audited(Caller caller, String action, String type, Object id, Supplier<R> work) {
        try {
            return work.get();
        } catch (CaseworkException e) {
            if (e instanceof HiddenException || e.status() == 403) {
                String detail = e.getMessage();
                if (!e.errors().isEmpty()) {
                    // Which fields a refused write named, e.g. a restricted field sent by a caller
                    // who may not set it; names only, never the values sent.
                    detail += " Fields: " + e.errors().stream().map(FieldError::field).filter(Objects::nonNull)
                            .distinct().collect(Collectors.joining(", "));
                }
                audit.record(caller, new AuditEvent(action, type, id == null ? null : id.toString(),
                        AuditEvent.DENIED, null, List.of(), detail));
            }
            throw e;
        }
    }

    /** Records a successful action in the current transaction: it commits or rolls back with it. */
    private void audit(Caller caller, String action, String type, Object id, List<FieldChange> changes, String detail) {
        audit.record(caller, new AuditEvent(action, type, id == null ? null : id.toString(), AuditEvent.SUCCESS,
                null, changes, detail));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private void fire(CaseEvent.Kind kind, Caller caller, CaseTypeDefinition def, CaseEntity c,
            Map<String, Object> values, Collection<String> changed, Instant now) {
        registry.fire(new CaseEvent(kind, caller, def.key(), c.getId(), c.getCaseNumber(), c.getStatus(), c.isClosed(),
                c.getAssignee(), c.getOwnerDivision(), values, Set.copyOf(changed), now));
    }

    private <R> R tx(EmFunction<R> work) {
        try {
            return jpa.txExpr(TransactionType.Required, em -> work.apply(TransactionConnection.claim(em)));
        } catch (CaseworkException e) {
            throw e;
        } catch (RuntimeException e) {
            // The transaction template may wrap what the work threw; callers need the original.
            for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
                if (t instanceof CaseworkException ce) {
                    throw ce;
                }
            }
            throw e;
        }
    }

    /**
     * Two people saving the same version at the same moment both pass the version check; the
     * database's version column stops the second at commit. Report that as a conflict naming the
     * version now stored, like the check that catches the common case.
     */
    private CaseRecord withConflictCheck(CaseTypeDefinition def, long id, long sentVersion, Supplier<CaseRecord> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (!isOptimisticLock(e)) {
                throw e;
            }
            long current = tx(em -> {
                CaseEntity c = em.find(CaseEntity.class, id);
                return c == null ? sentVersion : c.getVersion();
            });
            throw new ConflictException(sentVersion, current);
        }
    }

    private static boolean isOptimisticLock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException
                    || t.getClass().getName().endsWith("OptimisticLockException")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private CaseEntity load(EntityManager em, CaseTypeDefinition def, long id) {
        CaseEntity c = em.find(CaseEntity.class, id);
        if (c == null || !c.getCaseType().equals(def.key())) {
            throw new NotFoundException("Case " + id);
        }
        return c;
    }

    /** Loads a case the caller may read; any other answers as if it did not exist (and is audited). */
    private CaseEntity loadReadable(EntityManager em, Caller caller, CaseTypeDefinition def, long id) {
        CaseEntity c = load(em, def, id);
        if (!permits(caller, def, CaseAction.READ, c)) {
            throw new HiddenException("Case " + id);
        }
        return c;
    }

    /** Loads a case the caller may change: 404 when they may not read it, 403 when only that. */
    private CaseEntity loadChangeable(EntityManager em, Caller caller, CaseTypeDefinition def, long id) {
        CaseEntity c = loadReadable(em, caller, def, id);
        if (!permits(caller, def, CaseAction.UPDATE, c)) {
            throw new ForbiddenException("You may not change this " + def.label().toLowerCase(Locale.ROOT) + ".");
        }
        return c;
    }

    private CaseEntity loadForChange(EntityManager em, Caller caller, CaseTypeDefinition def, long id, long version) {
        CaseEntity c = loadChangeable(em, caller, def, id);
        if (c.getVersion() != version) {
            throw new ConflictException(version, c.getVersion());
        }
        return c;
    }

    private boolean readable(Caller caller, CaseEntity c) {
        return registry.find(c.getCaseType()).map(t -> permits(caller, t.definition(), CaseAction.READ, c))
                .orElse(false);
    }

    /** Adds the need-to-know condition to a list query, so the count matches what is shown. */
    private static void narrow(StringBuilder where, Map<String, Object> params, Visibility v, Caller caller) {
        if (v.all()) {
            return;
        }
        List<String> any = new ArrayList<>();
        if (!v.divisions().isEmpty()) {
            any.add("c.ownerDivision IN :visDivisions");
            params.put("visDivisions", List.copyOf(v.divisions()));
        }
        if (v.assigned()) {
            any.add("c.assignee = :visMe");
        }
        if (v.own() || v.assigned()) {
            any.add("c.createdBy = :visMe");
        }
        if (v.assigned() || v.own()) {
            params.put("visMe", caller.username());
        }
        List<Long> granted = new ArrayList<>();
        for (String g : v.grantedIds()) {
            try {
                granted.add(Long.valueOf(g));
            } catch (NumberFormatException e) {
                // not a case id: cannot match any case
            }
        }
        if (!granted.isEmpty()) {
            any.add("c.id IN :visIds");
            params.put("visIds", granted);
        }
        // An empty condition would match nothing; "1 = 0" says so to the database.
        where.append(" AND (").append(any.isEmpty() ? "1 = 0" : String.join(" OR ", any)).append(')');
    }

    private FieldValidator.Result validate(EntityManager em, Caller caller, CaseType ct, Map<String, Object> stored,
            Map<String, Object> input, boolean creating) {
        FieldValidator.Result r = validator.apply(ct.definition(), stored, input, creating, caller, ref -> {
            CaseEntity other = em.find(CaseEntity.class, ref);
            return other != null && readable(caller, other);
        });
        // A write to a field the caller may not set is refused as such, before any other error:
        // it is an attempt the audit trail must show, not a typing mistake.
        List<FieldError> forbidden = r.errors().stream().filter(e -> "forbidden".equals(e.rule())).toList();
        if (!forbidden.isEmpty()) {
            throw new CaseworkException(403, "forbidden-field",
                    "You may not change some of these fields.", forbidden);
        }
        List<FieldError> owned = r.errors().stream().filter(e -> "authoritative".equals(e.rule())).toList();
        if (!owned.isEmpty()) {
            throw new CaseworkException(403, "authoritative-field",
                    "Some of these fields come from another system and cannot be changed here.", owned);
        }
        List<FieldError> errors = new ArrayList<>(r.errors());
        if (errors.isEmpty()) {
            ct.validate(r.values(), errors);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return r;
    }

    private void applyDerived(CaseEntity c, CaseTypeDefinition def, Map<String, Object> values) {
        c.setTitle(def.title(values));
        c.setSearchText(SearchIndex.searchText(def, c.getCaseNumber(), values));
    }

    private static void touch(CaseEntity c, Caller caller, Instant now) {
        c.setUpdatedAt(now);
        c.setUpdatedBy(caller.username());
    }

    /** Rewrites the indexed copies of the changed fields (all fields when {@code changed} is null). */
    private static void index(EntityManager em, CaseTypeDefinition def, long caseId, Map<String, Object> values,
            Collection<String> changed) {
        if (changed != null) {
            em.createQuery("DELETE FROM CaseValueEntity v WHERE v.caseId = :id AND v.fieldKey IN :keys")
                    .setParameter("id", caseId).setParameter("keys", List.copyOf(changed)).executeUpdate();
        }
        for (SearchIndex.Entry e : SearchIndex.entries(def, values)) {
            if (changed == null || changed.contains(e.field())) {
                em.persist(new CaseValueEntity(caseId, e.field(), e.ordinal(), e.text(), e.number()));
            }
        }
    }

    /** The case as the caller may see it: fields they may not read are left out. */
    private CaseRecord toRecord(CaseEntity c, CaseTypeDefinition def, Caller caller) {
        Map<String, Object> data = read(def, c.getData());
        for (FieldDefinition f : def.fields()) {
            if (!f.readableBy(caller)) {
                data.remove(f.key());
            }
        }
        String title = def.titleField() == null || def.field(def.titleField()).map(f -> f.readableBy(caller)).orElse(true)
                ? c.getTitle() : null;
        Map<String, FieldProvenance> provenance = ProvenanceCodec.read(c.getProvenance());
        provenance.keySet().removeIf(k -> !data.containsKey(k));
        return new CaseRecord(c.getId(), c.getCaseType(), c.getCaseNumber(), title, c.getStatus(),
                c.isClosed(), c.getVersion(), c.getAssignee(), c.getTeam(), data,
                c.getCreatedAt(), c.getCreatedBy(), c.getUpdatedAt(), c.getUpdatedBy(), c.getOwnerDivision(),
                provenance);
    }

    private static AttachmentRecord toRecord(AttachmentEntity a) {
        return new AttachmentRecord(a.getId(), a.getCaseId(), a.getFileName(), a.getContentType(), a.getSizeBytes(),
                a.getSha256(), a.getCreatedAt(), a.getCreatedBy());
    }

    private static String stateLabel(CaseTypeDefinition def, String key) {
        return def.workflow().state(key).map(StateDefinition::label).orElse(key);
    }

    /** Stored values in the shapes the validator produces, so unchanged values compare equal. */
    Map<String, Object> read(CaseTypeDefinition def, String data) {
        try {
            LinkedHashMap<String, Object> m = json.readValue(data, MAP);
            for (FieldDefinition f : def.fields()) {
                Object v = m.get(f.key());
                if (v instanceof Number n && f.type() == FieldType.NUMBER) {
                    BigDecimal b = new BigDecimal(n.toString()).stripTrailingZeros();
                    m.put(f.key(), b.scale() < 0 ? b.setScale(0) : b);
                } else if (v instanceof Number n && f.type() == FieldType.CASE_REFERENCE) {
                    m.put(f.key(), n.longValue());
                }
            }
            return m;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored case data is not JSON", e);
        }
    }

    private String write(Map<String, Object> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Case data cannot be written as JSON", e);
        }
    }

    private String jsonOrNull(Object v) {
        if (v == null || v instanceof String) {
            return (String) v;
        }
        try {
            return json.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A value cannot be written as JSON", e);
        }
    }

    /** The search as the audit trail keeps it: the criteria the caller gave. */
    private static String describe(CaseQuery q, String sort) {
        StringBuilder b = new StringBuilder();
        if (q.text() != null && !q.text().isBlank()) {
            b.append("q=").append(q.text().strip()).append(' ');
        }
        if (q.status() != null) {
            b.append("status=").append(q.status()).append(' ');
        }
        if (q.assignee() != null && !q.assignee().isBlank()) {
            b.append("assignee=").append(q.assignee()).append(' ');
        }
        q.fieldEquals().forEach((k, v) -> b.append("f.").append(k).append('=').append(v).append(' '));
        b.append("sort=").append(sort).append(" page=").append(q.page()).append(" size=").append(q.size());
        return b.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
