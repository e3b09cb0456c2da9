package org.casework.core.impl.internal.work;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.casework.audit.api.AuditService;
import org.casework.audit.api.FieldChange;
import org.casework.core.api.Caller;
import org.casework.core.api.CaseQuery;
import org.casework.core.api.ConflictException;
import org.casework.core.api.FieldError;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.Page;
import org.casework.core.api.ValidationException;
import org.casework.core.api.access.Permission;
import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.core.api.work.TimeEntry;
import org.casework.core.api.work.TimeEntryInput;
import org.casework.core.api.work.TimeEntryService;
import org.casework.core.api.work.TimeLock;
import org.casework.core.api.work.TimeTotals;
import org.casework.core.impl.internal.CaseAccess;
import org.casework.core.impl.internal.persistence.CaseEntity;
import org.casework.core.impl.internal.persistence.HistoryEntity;
import org.casework.core.impl.internal.persistence.TimeEntryEntity;
import org.casework.core.impl.internal.persistence.TimeLockEntity;
import org.casework.persistence.api.MigratedSchema;
import org.casework.security.api.UserService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Time entries on cases of every type, and the office-wide lock date that freezes old ones.
 * Need-to-know is the engine's ({@link CaseAccess}); each change also goes into the case's history.
 */
@Component(service = TimeEntryService.class, configurationPid = WorkConfig.PID)
@Designate(ocd = WorkConfig.class)
public class TimeEntries implements TimeEntryService {

    static final String LOCK_RECORD = "time-lock";
    private static final int MAX_ACTIVITY = 500;
    private static final int MAX_MINUTES = 24 * 60;
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final CaseAccess access;
    private final WorkSupport support;
    private final UserService users;
    private final Clock clock;
    private volatile WorkConfig config;

    @Activate
    public TimeEntries(@Reference CaseAccess access, @Reference AuditService audit, @Reference UserService users,
            @Reference(target = "(" + MigratedSchema.PROPERTY + "=org.casework.core.impl)") MigratedSchema schema,
            WorkConfig config) {
        this(access, audit, users, config, Clock.systemUTC());
    }

    TimeEntries(CaseAccess access, AuditService audit, UserService users, WorkConfig config, Clock clock) {
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
    public Page<TimeEntry> list(Caller caller, String type, long caseId, String person, int page, int size,
            String sort, boolean ascending) {
        return support.audited(caller, "view", type, caseId, () -> {
            CaseTypeDefinition def = access.usableType(caller, type);
            List<FieldError> errors = new ArrayList<>();
            if (page < 0 || page > 100_000) {
                errors.add(new FieldError("page", "range", "The page number must be between 0 and 100000."));
            }
            if (size < 1 || size > CaseQuery.MAX_SIZE) {
                errors.add(new FieldError("size", "range", "The page size must be between 1 and "
                        + CaseQuery.MAX_SIZE + "."));
            }
            String key = sort == null || sort.isBlank() ? "workDate" : sort.strip();
            if (!SORTS.contains(key)) {
                errors.add(new FieldError("sort", "unknown", "Time entries cannot be sorted by \"" + key
                        + "\"; use one of " + String.join(", ", SORTS.stream().sorted().toList()) + "."));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            String who = WorkSupport.blankToNull(person);
            String dir = ascending ? " ASC" : " DESC";
            String where = " WHERE t.caseId = :id" + (who == null ? "" : " AND t.person = :person");
            return support.tx(em -> {
                access.readable(em, caller, def, caseId);
                TypedQuery<Long> count = em.createQuery("SELECT COUNT(t) FROM TimeEntryEntity t" + where, Long.class);
                TypedQuery<TimeEntryEntity> q = em.createQuery("SELECT t FROM TimeEntryEntity t" + where
                        + " ORDER BY t." + key + dir + ", t.id" + dir, TimeEntryEntity.class);
                count.setParameter("id", caseId);
                q.setParameter("id", caseId);
                if (who != null) {
                    count.setParameter("person", who.toLowerCase(Locale.ROOT));
                    q.setParameter("person", who.toLowerCase(Locale.ROOT));
                }
                long total = count.getSingleResult();
                List<TimeEntry> items = q.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                        .map(t -> toRecord(t, def)).toList();
                support.success(caller, "view", def.key(), caseId, List.of(), "time entries");
                return new Page<>(items, total, page, size);
            });
        });
    }

    @Override
    public TimeEntry add(Caller caller, String type, long caseId, TimeEntryInput input) {
        return support.audited(caller, "update", type, caseId, () -> {
            CaseTypeDefinition def = access.usableType(caller, type);
            Valid v = validate(input);
            String person = personFor(caller, input == null ? null : input.person());
            return support.tx(em -> {
                CaseEntity c = access.changeable(em, caller, def, caseId);
                requireUnlocked(em, v.workDate(), "Time on or before the lock date");
                Instant now = clock.instant();
                TimeEntryEntity t = new TimeEntryEntity();
                t.setCaseId(c.getId());
                t.setPerson(person);
                t.setWorkDate(v.workDate());
                t.setMinutes(v.minutes());
                t.setActivity(v.activity());
                t.setCreatedAt(now);
                t.setCreatedBy(caller.username());
                t.setUpdatedAt(now);
                t.setUpdatedBy(caller.username());
                em.persist(t);
                em.flush();
                em.persist(new HistoryEntity(caseId, now, caller.username(), "time-added", null, null,
                        describe(t)));
                support.success(caller, "update", def.key(), caseId, List.of(
                        new FieldChange("timeEntry." + t.getId(), null, describe(t))), "time entry " + t.getId() + " added");
                return toRecord(t, def);
            });
        });
    }

    @Override
    public TimeEntry update(Caller caller, String type, long caseId, long entryId, long version,
            TimeEntryInput input) {
        return support.audited(caller, "update", type, caseId, () -> {
            CaseTypeDefinition def = access.usableType(caller, type);
            Valid v = validate(input);
            String newPerson = input == null || input.person() == null ? null : personFor(caller, input.person());
            try {
                return support.tx(em -> {
                    access.changeable(em, caller, def, caseId);
                    TimeEntryEntity t = entry(em, caseId, entryId);
                    requireOwnerOrManager(caller, t);
                    if (t.getVersion() != version) {
                        throw new ConflictException(version, t.getVersion());
                    }
                    requireUnlocked(em, t.getWorkDate(), "This entry is frozen: its date is on or before the lock date");
                    requireUnlocked(em, v.workDate(), "Time on or before the lock date");
                    String before = describe(t);
                    t.setWorkDate(v.workDate());
                    t.setMinutes(v.minutes());
                    t.setActivity(v.activity());
                    if (newPerson != null) {
                        t.setPerson(newPerson);
                    }
                    String after = describe(t);
                    if (before.equals(after)) {
                        return toRecord(t, def);
                    }
                    Instant now = clock.instant();
                    t.setUpdatedAt(now);
                    t.setUpdatedBy(caller.username());
                    em.flush();
                    em.persist(new HistoryEntity(caseId, now, caller.username(), "time-changed", null, before, after));
                    support.success(caller, "update", def.key(), caseId, List.of(
                            new FieldChange("timeEntry." + entryId, before, after)), "time entry " + entryId + " changed");
                    return toRecord(t, def);
                });
            } catch (RuntimeException e) {
                if (!isOptimisticLock(e)) {
                    throw e;
                }
                long current = support.tx(em -> {
                    TimeEntryEntity t = em.find(TimeEntryEntity.class, entryId);
                    return t == null ? version : t.getVersion();
                });
                throw new ConflictException(version, current);
            }
        });
    }

    @Override
    public void delete(Caller caller, String type, long caseId, long entryId) {
        support.audited(caller, "update", type, caseId, () -> {
            CaseTypeDefinition def = access.usableType(caller, type);
            return support.tx(em -> {
                access.changeable(em, caller, def, caseId);
                TimeEntryEntity t = entry(em, caseId, entryId);
                requireOwnerOrManager(caller, t);
                requireUnlocked(em, t.getWorkDate(), "This entry is frozen: its date is on or before the lock date");
                String before = describe(t);
                em.remove(t);
                Instant now = clock.instant();
                em.persist(new HistoryEntity(caseId, now, caller.username(), "time-deleted", null, before, null));
                support.success(caller, "update", def.key(), caseId, List.of(
                        new FieldChange("timeEntry." + entryId, before, null)), "time entry " + entryId + " deleted");
                return null;
            });
        });
    }

    @Override
    public TimeTotals totals(Caller caller, String type, long caseId) {
        return support.audited(caller, "view", type, caseId, () -> {
            CaseTypeDefinition def = access.usableType(caller, type);
            return support.tx(em -> {
                access.readable(em, caller, def, caseId);
                List<Object[]> rows = em.createQuery("SELECT t.person, COUNT(t), SUM(t.minutes) FROM TimeEntryEntity t"
                        + " WHERE t.caseId = :id GROUP BY t.person", Object[].class)
                        .setParameter("id", caseId).getResultList();
                List<TimeTotals.PersonTotal> people = new ArrayList<>();
                long entries = 0;
                long minutes = 0;
                for (Object[] r : rows) {
                    long n = ((Number) r[1]).longValue();
                    long m = ((Number) r[2]).longValue();
                    people.add(new TimeTotals.PersonTotal((String) r[0], n, m));
                    entries += n;
                    minutes += m;
                }
                people.sort((a, b) -> a.minutes() != b.minutes() ? Long.compare(b.minutes(), a.minutes())
                        : a.person().compareTo(b.person()));
                support.success(caller, "view", def.key(), caseId, List.of(), "time totals");
                return new TimeTotals(caseId, entries, minutes, people);
            });
        });
    }

    @Override
    public TimeLock lock(Caller caller) {
        return support.tx(em -> toLock(em.find(TimeLockEntity.class, TimeLockEntity.OFFICE)));
    }

    @Override
    public TimeLock setLock(Caller caller, LocalDate lockDate) {
        return support.audited(caller, "update", LOCK_RECORD, TimeLockEntity.OFFICE, () -> {
            if (!Permission.held(caller, "time-entries", "manage")) {
                throw new ForbiddenException("Only a time manager may set the lock date of time entries.");
            }
            if (lockDate != null && lockDate.isAfter(today())) {
                throw new ValidationException("lockDate", "notInFuture",
                        "The lock date cannot be in the future: time not yet worked cannot be frozen.");
            }
            return support.tx(em -> {
                TimeLockEntity l = em.find(TimeLockEntity.class, TimeLockEntity.OFFICE);
                String before = l.getLockDate() == null ? null : l.getLockDate().toString();
                String after = lockDate == null ? null : lockDate.toString();
                l.set(lockDate, clock.instant(), caller.username());
                support.success(caller, "update", LOCK_RECORD, TimeLockEntity.OFFICE,
                        List.of(new FieldChange("lockDate", before, after)),
                        after == null ? "time entry lock date cleared" : "time entry lock date set to " + after);
                em.flush();
                return toLock(l);
            });
        });
    }

    // ---- helpers -----------------------------------------------------------------------------

    private record Valid(LocalDate workDate, int minutes, String activity) {
    }

    private Valid validate(TimeEntryInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in == null) {
            throw new ValidationException("workDate", "required", "Give the date worked, the time and the activity.");
        }
        if (in.workDate() == null) {
            errors.add(new FieldError("workDate", "required", "Give the date the work was done."));
        } else if (in.workDate().isAfter(today())) {
            errors.add(new FieldError("workDate", "notInFuture", "Time can only be entered for today or earlier."));
        }
        int minutes = 0;
        if (in.minutes() != null && in.hours() != null) {
            errors.add(new FieldError("hours", "exclusive", "Give the time in hours or in minutes, not both."));
        } else if (in.minutes() == null && in.hours() == null) {
            errors.add(new FieldError("minutes", "required", "Give the time spent, in hours or in minutes."));
        } else if (in.minutes() != null) {
            minutes = in.minutes();
            if (minutes < 1 || minutes > MAX_MINUTES) {
                errors.add(new FieldError("minutes", "range", "The time must be between 1 and " + MAX_MINUTES
                        + " minutes."));
            }
        } else {
            BigDecimal m = in.hours().multiply(BigDecimal.valueOf(60));
            if (m.compareTo(BigDecimal.ONE) < 0 || m.compareTo(BigDecimal.valueOf(MAX_MINUTES)) > 0) {
                errors.add(new FieldError("hours", "range", "The time must be between 1 minute and 24 hours."));
            } else {
                minutes = m.setScale(0, RoundingMode.HALF_UP).intValueExact();
            }
        }
        String activity = WorkSupport.blankToNull(in.activity());
        if (activity == null) {
            errors.add(new FieldError("activity", "required", "Say what was done."));
        } else if (activity.length() > MAX_ACTIVITY) {
            errors.add(new FieldError("activity", "maxLength", "The activity may have at most " + MAX_ACTIVITY
                    + " characters."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Valid(in.workDate(), minutes, activity);
    }

    /** Whose time it is: the caller's own, or, for a time manager, the active user they name. */
    private String personFor(Caller caller, String named) {
        String p = WorkSupport.blankToNull(named);
        if (p == null || p.equalsIgnoreCase(caller.username())) {
            return caller.username();
        }
        if (!USER.matcher(p).matches()) {
            throw new ValidationException("person", "pattern", "A user name has 1-64 letters, digits or . _ @ -");
        }
        if (!Permission.held(caller, "time-entries", "manage")) {
            throw new ForbiddenException("Only a time manager may enter time for someone else.");
        }
        String name = p.toLowerCase(Locale.ROOT);
        if (users.find(Caller.system("time-entries"), name).filter(a -> a.active()).isEmpty()) {
            throw new ValidationException("person", "unknown", "There is no active user \"" + p + "\".");
        }
        return name;
    }

    private static void requireOwnerOrManager(Caller caller, TimeEntryEntity t) {
        if (!t.getPerson().equalsIgnoreCase(caller.username()) && !Permission.held(caller, "time-entries", "manage")) {
            throw new ForbiddenException("Only the person whose time it is or a time manager may change this entry.");
        }
    }

    private void requireUnlocked(EntityManager em, LocalDate date, String what) {
        LocalDate locked = effectiveLock(em.find(TimeLockEntity.class, TimeLockEntity.OFFICE));
        if (locked != null && !date.isAfter(locked)) {
            throw new ValidationException("workDate", "locked", what + " (" + locked
                    + ") cannot be entered, changed or deleted: time entries up to that date are frozen.");
        }
    }

    private LocalDate effectiveLock(TimeLockEntity l) {
        LocalDate set = l == null ? null : l.getLockDate();
        int days = Math.max(0, config.timeEntryLockDays());
        LocalDate rolling = days == 0 ? null : today().minusDays(days);
        if (set == null) {
            return rolling;
        }
        return rolling == null || set.isAfter(rolling) ? set : rolling;
    }

    private TimeLock toLock(TimeLockEntity l) {
        return new TimeLock(effectiveLock(l), l == null ? null : l.getLockDate(),
                Math.max(0, config.timeEntryLockDays()), l == null ? null : l.getSetAt(), l == null ? null : l.getSetBy());
    }

    private static TimeEntryEntity entry(EntityManager em, long caseId, long entryId) {
        TimeEntryEntity t = em.find(TimeEntryEntity.class, entryId);
        if (t == null || t.getCaseId() != caseId) {
            throw new NotFoundException("Time entry " + entryId);
        }
        return t;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The entry as history and audit keep it: no free text beyond the activity the person wrote. */
    private static String describe(TimeEntryEntity t) {
        return t.getPerson() + " " + t.getWorkDate() + " " + t.getMinutes() + " min: " + t.getActivity();
    }

    private static TimeEntry toRecord(TimeEntryEntity t, CaseTypeDefinition def) {
        return new TimeEntry(t.getId(), t.getCaseId(), def.key(), t.getPerson(), t.getWorkDate(), t.getMinutes(),
                t.getActivity(), t.getCreatedAt(), t.getCreatedBy(), t.getUpdatedAt(), t.getUpdatedBy(), t.getVersion());
    }

    private static boolean isOptimisticLock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().endsWith("OptimisticLockException")) {
                return true;
            }
            if (Objects.equals(t.getCause(), t)) {
                break;
            }
        }
        return false;
    }
}
