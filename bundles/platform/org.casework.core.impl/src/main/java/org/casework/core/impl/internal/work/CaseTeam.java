package org.casework.core.impl.internal.work;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.casework.audit.api.AuditService;
import org.casework.audit.api.FieldChange;
import org.casework.core.api.Caller;
import org.casework.core.api.FieldError;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.ValidationException;
import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.core.api.work.CaseDiaryEvent;
import org.casework.core.api.work.CaseMember;
import org.casework.core.api.work.CaseTeamService;
import org.casework.core.impl.internal.CaseAccess;
import org.casework.core.impl.internal.persistence.CaseEventEntity;
import org.casework.core.impl.internal.persistence.CaseMemberEntity;
import org.casework.core.impl.internal.persistence.HistoryEntity;
import org.casework.persistence.api.MigratedSchema;
import org.casework.security.api.UserService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * The people working on a case in a role, and its dated events, for cases of every type. Its
 * settings share the PID of {@link TimeEntries}, which designates them.
 */
@Component(service = CaseTeamService.class, configurationPid = WorkConfig.PID)
public class CaseTeam implements CaseTeamService {

    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final int MAX_DESCRIPTION = 2_000;

    private final CaseAccess access;
    private final WorkSupport support;
    private final UserService users;
    private final Clock clock;
    private volatile WorkConfig config;

    @Activate
    public CaseTeam(@Reference CaseAccess access, @Reference AuditService audit, @Reference UserService users,
            @Reference(target = "(" + MigratedSchema.PROPERTY + "=org.casework.core.impl)") MigratedSchema schema,
            WorkConfig config) {
        this(access, audit, users, config, Clock.systemUTC());
    }

    CaseTeam(CaseAccess access, AuditService audit, UserService users, WorkConfig config, Clock clock) {
        this.access = access;
        this.support = new WorkSupport(access, audit);
        this.users = users;
        this.config = config;
        this.clock = clock;
    }

    @Modified
    void modified(WorkConfig changed) {
        this.config = changed;
    }

    @Override
    public List<CaseMember> members(Caller caller, String type, long caseId) {
        return support.audited(caller, "view", type, caseId, () -> {
            CaseTypeDefinition def = access.usableType(caller, type);
            return support.tx(em -> {
                access.readable(em, caller, def, caseId);
                support.success(caller, "view", def.key(), caseId, List.of(), "case team");
                return em.createQuery("SELECT m FROM CaseMemberEntity m WHERE m.caseId = :id ORDER BY m.role, m.person",
                        CaseMemberEntity.class).setParameter("id", caseId).getResultList().stream()
                        .map(CaseTeam::toRecord).toList();
            });
        });
    }

    @Override
    public CaseMember addMember(Caller caller, String type, long caseId, String person, String role) {
        return support.audited(caller, "update", type, caseId, () -> {
            CaseTypeDefinition def = access.usableType(caller, type);
            List<FieldError> errors = new ArrayList<>();
            String p = WorkSupport.blankToNull(person);
            String r = WorkSupport.blankToNull(role);
            List<String> roles = List.of(config.memberRoles());
            if (p == null) {
                errors.add(new FieldError("person", "required", "Name the person (their user name)."));
            } else if (!USER.matcher(p).matches()) {
                errors.add(new FieldError("person", "pattern", "A user name has 1-64 letters, digits or . _ @ -"));
            }
            if (r == null) {
                errors.add(new FieldError("role", "required", "Choose the person's role: " + String.join(", ", roles) + "."));
            } else if (!roles.contains(r)) {
                errors.add(new FieldError("role", "unknown", "There is no role \"" + r + "\"; use one of "
                        + String.join(", ", roles) + "."));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            String name = p.toLowerCase(Locale.ROOT);
            return support.tx(em -> {
                access.changeable(em, caller, def, caseId);
                // Checked only for a caller who may change the case: nobody else learns who has an account.
                if (users.find(Caller.system("case-team"), name).filter(a -> a.active()).isEmpty()) {
                    throw new ValidationException("person", "unknown", "There is no active user \"" + p + "\".");
                }
                long existing = em.createQuery("SELECT COUNT(m) FROM CaseMemberEntity m WHERE m.caseId = :id"
                        + " AND m.person = :p AND m.role = :r", Long.class)
                        .setParameter("id", caseId).setParameter("p", name).setParameter("r", r).getSingleResult();
                if (existing > 0) {
                    throw new ValidationException("person", "duplicate", p + " is already " + r + " on this case.");
                }
                Instant now = clock.instant();
                CaseMemberEntity m = new CaseMemberEntity(caseId, name, r, now, caller.username());
                em.persist(m);
                em.flush();
                em.persist(new HistoryEntity(caseId, now, caller.username(), "member-added", "team", null, r + " " + name));
                support.success(caller, "update", def.key(), caseId,
                        List.of(new FieldChange("team." + r, null, name)), "team member " + name + " added as " + r);
                return toRecord(m);
            });
        });
    }

    @Override
    public void removeMember(Caller caller, String type, long caseId, long memberId) {
        support.audited(caller, "update", type, caseId, () -> {
            CaseTypeDefinition def = access.usableType(caller, type);
            return support.tx(em -> {
                access.changeable(em, caller, def, caseId);
                CaseMemberEntity m = em.find(CaseMemberEntity.class, memberId);
                if (m == null || m.getCaseId() != caseId) {
                    throw new NotFoundException("Team member " + memberId);
                }
                em.remove(m);
                Instant now = clock.instant();
                em.persist(new HistoryEntity(caseId, now, caller.username(), "member-removed", "team",
                        m.getRole() + " " + m.getPerson(), null));
                support.success(caller, "update", def.key(), caseId,
                        List.of(new FieldChange("team." + m.getRole(), m.getPerson(), null)),
                        "team member " + m.getPerson() + " removed as " + m.getRole());
                return null;
            });
        });
    }

    @Override
    public List<CaseDiaryEvent> events(Caller caller, String type, long caseId) {
        return support.audited(caller, "view", type, caseId, () -> {
            CaseTypeDefinition def = access.usableType(caller, type);
            return support.tx(em -> {
                access.readable(em, caller, def, caseId);
                support.success(caller, "view", def.key(), caseId, List.of(), "case events");
                return em.createQuery("SELECT e FROM CaseEventEntity e WHERE e.caseId = :id ORDER BY e.eventDate, e.id",
                        CaseEventEntity.class).setParameter("id", caseId).getResultList().stream()
                        .map(CaseTeam::toRecord).toList();
            });
        });
    }

    @Override
    public CaseDiaryEvent addEvent(Caller caller, String type, long caseId, LocalDate eventDate, String kind,
            String description) {
        return support.audited(caller, "update", type, caseId, () -> {
            CaseTypeDefinition def = access.usableType(caller, type);
            List<FieldError> errors = new ArrayList<>();
            List<String> kinds = List.of(config.eventKinds());
            String k = WorkSupport.blankToNull(kind);
            String text = WorkSupport.blankToNull(description);
            if (eventDate == null) {
                errors.add(new FieldError("eventDate", "required", "Give the event's date."));
            }
            if (k == null) {
                errors.add(new FieldError("kind", "required", "Choose the kind of event: " + String.join(", ", kinds) + "."));
            } else if (!kinds.contains(k)) {
                errors.add(new FieldError("kind", "unknown", "There is no kind of event \"" + k + "\"; use one of "
                        + String.join(", ", kinds) + "."));
            }
            if (text == null) {
                errors.add(new FieldError("description", "required", "Say what the event is about."));
            } else if (text.length() > MAX_DESCRIPTION) {
                errors.add(new FieldError("description", "maxLength", "A description may have at most "
                        + MAX_DESCRIPTION + " characters."));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return support.tx(em -> {
                access.changeable(em, caller, def, caseId);
                Instant now = clock.instant();
                CaseEventEntity e = new CaseEventEntity(caseId, eventDate, k, text, now, caller.username());
                em.persist(e);
                em.flush();
                em.persist(new HistoryEntity(caseId, now, caller.username(), "event-added", null, null,
                        eventDate + " " + k));
                support.success(caller, "update", def.key(), caseId,
                        List.of(new FieldChange("event." + e.getId(), null, eventDate + " " + k)),
                        "case event " + e.getId() + " added");
                return toRecord(e);
            });
        });
    }

    @Override
    public void removeEvent(Caller caller, String type, long caseId, long eventId) {
        support.audited(caller, "update", type, caseId, () -> {
            CaseTypeDefinition def = access.usableType(caller, type);
            return support.tx(em -> {
                access.changeable(em, caller, def, caseId);
                CaseEventEntity e = em.find(CaseEventEntity.class, eventId);
                if (e == null || e.getCaseId() != caseId) {
                    throw new NotFoundException("Case event " + eventId);
                }
                String before = e.getEventDate() + " " + e.getKind();
                em.remove(e);
                Instant now = clock.instant();
                em.persist(new HistoryEntity(caseId, now, caller.username(), "event-removed", null, before, null));
                support.success(caller, "update", def.key(), caseId,
                        List.of(new FieldChange("event." + eventId, before, null)), "case event " + eventId + " removed");
                return null;
            });
        });
    }

    private static CaseMember toRecord(CaseMemberEntity m) {
        return new CaseMember(m.getId(), m.getCaseId(), m.getPerson(), m.getRole(), m.getAddedAt(), m.getAddedBy());
    }

    private static CaseDiaryEvent toRecord(CaseEventEntity e) {
        return new CaseDiaryEvent(e.getId(), e.getCaseId(), e.getEventDate(), e.getKind(), e.getDescription(),
                e.getCreatedAt(), e.getCreatedBy());
    }
}
