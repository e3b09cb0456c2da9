package org.casework.litigation.impl.internal.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.AuditService;
import org.casework.core.api.Caller;
import org.casework.core.api.CaseService;
import org.casework.core.api.CaseworkException;
import org.casework.core.api.FieldError;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.Page;
import org.casework.core.api.ValidationException;
import org.casework.core.api.access.AccessPolicy;
import org.casework.core.api.access.Permission;
import org.casework.core.api.access.Visibility;
import org.casework.core.api.spi.CaseAction;
import org.casework.litigation.api.CalendarEntry;
import org.casework.litigation.api.CalendarQuery;
import org.casework.litigation.api.CalendarService;
import org.casework.litigation.api.FeedToken;
import org.casework.litigation.api.LitigationService;
import org.casework.litigation.api.Reminder;
import org.casework.litigation.api.Workload;
import org.casework.litigation.impl.internal.persistence.DueDateEntity;
import org.casework.litigation.impl.internal.persistence.FeedTokenEntity;
import org.casework.litigation.impl.internal.persistence.HearingEntity;
import org.casework.litigation.impl.internal.persistence.LitCaseEntity;
import org.casework.litigation.impl.internal.persistence.ReminderEntity;
import org.casework.persistence.api.MigratedSchema;
import org.casework.security.api.AuthenticationService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.casework.persistence.jpa.TransactionConnection;

/**
 * The calendar of hearings and due dates by attorney and office, managers' workload views, the
 * reminders list and the iCalendar feed. Lists read the case columns copied onto each hearing and
 * due date, narrowed by the caller's need-to-know per case type in the query itself, so pages and
 * totals hold only what the caller may open.
 */
@Component(service = CalendarService.class)
public class CalendarServiceImpl implements CalendarService {

    static final int MAX_SIZE = 200;
    /**
     * Combined lists merge two sorted queries in memory: keep their depth bounded. Totals count
     * no further than one entry past it (see {@link CalendarService#MAX_DEPTH}).
     */
    static final int MAX_DEPTH = CalendarService.MAX_DEPTH;
    static final String FEED_PATH = "/api/v1/litigation/calendar/feed/";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Comparator<CalendarEntry> BY_DATE = Comparator.comparing(CalendarEntry::date)
            .thenComparing(e -> e.time() == null ? "99:99" : e.time()).thenComparing(CalendarEntry::kind)
            .thenComparingLong(CalendarEntry::id);

    private final JpaTemplate jpa;
    private final CaseService cases;
    private final AuditService audit;
    private final AuthenticationService authentication;
    private final ReminderRunner reminders;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AccessPolicy policy;

    @Activate
    public CalendarServiceImpl(@Reference(target = "(osgi.unit.name=casework-litigation)") JpaTemplate jpa,
            @Reference(target = "(" + MigratedSchema.PROPERTY + "=org.casework.litigation.impl)") MigratedSchema schema,
            @Reference CaseService cases, @Reference AuditService audit,
            @Reference AuthenticationService authentication, @Reference ReminderRunner reminders) {
        this(jpa, cases, audit, authentication, reminders, null, Clock.systemUTC());
    }

    CalendarServiceImpl(JpaTemplate jpa, CaseService cases, AuditService audit, AuthenticationService authentication,
            ReminderRunner reminders, AccessPolicy policy, Clock clock) {
        this.jpa = jpa;
        this.cases = cases;
        this.audit = audit;
        this.authentication = authentication;
        this.reminders = reminders;
        this.policy = policy;
        this.clock = clock;
    }

    // ---- calendar ----------------------------------------------------------------------------

    @Override
    public Page<CalendarEntry> calendar(Caller caller, CalendarQuery q) {
        List<FieldError> errors = new ArrayList<>();
        String attorney = name("attorney", q.attorney(), errors);
        String office = name("office", q.office(), errors);
        if (attorney != null && office != null) {
            errors.add(new FieldError("office", "exclusive", "Ask for one attorney or one office, not both."));
        }
        LocalDate from = day("from", q.from(), errors);
        LocalDate to = day("to", q.to(), errors);
        from = from == null ? today() : from;
        to = to == null ? from.plusYears(1) : to;
        if (to.isBefore(from)) {
            errors.add(new FieldError("to", "range", "The last day is before the first."));
        }
        String kind = q.kind() == null || q.kind().isBlank() ? null : q.kind().strip();
        if (kind != null && !kind.equals(CalendarEntry.HEARING) && !kind.equals(CalendarEntry.DUE_DATE)) {
            errors.add(new FieldError("kind", "option", "Kind is hearing or due-date."));
        }
        paging(q.page(), q.size(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Filter f = new Filter(attorney == null && office == null ? caller.username() : attorney, office, from, to,
                q.includeClosed());
        Clause vis = visibility(caller);
        int depth = (q.page() + 1) * q.size();
        Page<CalendarEntry> page = read(em -> {
            long total = 0;
            List<CalendarEntry> rows = new ArrayList<>();
            if (vis != null) {
                if (kind == null || kind.equals(CalendarEntry.HEARING)) {
                    total += boundedCount(em, "HearingEntity", f, vis);
                    rows.addAll(hearings(em, f, vis, kind == null ? 0 : q.page() * q.size(),
                            kind == null ? depth : q.size(), q.ascending()));
                }
                if (kind == null || kind.equals(CalendarEntry.DUE_DATE)) {
                    total += boundedCount(em, "DueDateEntity", f, vis);
                    rows.addAll(dueDates(em, f, vis, kind == null ? 0 : q.page() * q.size(),
                            kind == null ? depth : q.size(), q.ascending()));
                }
            }
            if (kind == null) {
                rows.sort(q.ascending() ? BY_DATE : BY_DATE.reversed());
                rows = rows.subList(Math.min(rows.size(), q.page() * q.size()), Math.min(rows.size(), depth));
            }
            return new Page<>(withCases(em, rows), Math.min(total, MAX_DEPTH + 1L), q.page(), q.size());
        });
        audit.record(caller, AuditEvent.success("view", "litigation-calendar", null,
                (office != null ? "office " + office : "attorney " + f.attorney()) + " " + from + ".." + to));
        return page;
    }

    private record Filter(String attorney, String office, LocalDate from, LocalDate to, boolean includeClosed) {
    }

    private static String where(String dateField, Filter f, Clause vis, Map<String, Object> params) {
        StringBuilder w = new StringBuilder();
        if (f.office() != null) {
            w.append("e.division = :who");
            params.put("who", f.office());
        } else {
            w.append("e.assignee = :who");
            params.put("who", f.attorney());
        }
        w.append(" AND e.").append(dateField).append(" >= :from AND e.").append(dateField).append(" <= :to");
        params.put("from", f.from());
        params.put("to", f.to());
        if (!f.includeClosed()) {
            // booleans travel as parameters: EclipseLink writes TRUE as 1, which Derby will not compare
            w.append(" AND e.caseOpen = :open");
            params.put("open", Boolean.TRUE);
        }
        w.append(" AND (").append(vis.jpql()).append(')');
        params.putAll(vis.params());
        return w.toString();
    }

    /** How many entries match, exactly: the workload's figures are counts a manager reads. */
    private static long count(EntityManager em, String entity, Filter f, Clause vis) {
        Map<String, Object> params = new HashMap<>();
        String w = where("date", f, vis, params);
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(e) FROM " + entity + " e WHERE " + w, Long.class);
        params.forEach(q::setParameter);
        return q.getSingleResult();
    }

    /**
     * How many entries match, counted no further than {@code MAX_DEPTH + 1}: the ids of at most
     * that many rows rather than {@code COUNT(*)}, which reads every upcoming hearing of a large
     * office on each page (a quarter of a second at 200,000 cases) for a figure no page can reach.
     * Derby and PostgreSQL both stop the index scan at the row limit.
     */
    private static long boundedCount(EntityManager em, String entity, Filter f, Clause vis) {
        Map<String, Object> params = new HashMap<>();
        String w = where("date", f, vis, params);
        TypedQuery<Long> q = em.createQuery("SELECT e.id FROM " + entity + " e WHERE " + w, Long.class);
        params.forEach(q::setParameter);
        return q.setMaxResults(MAX_DEPTH + 1).getResultList().size();
    }

    private static List<CalendarEntry> hearings(EntityManager em, Filter f, Clause vis, int first, int max,
            boolean asc) {
        Map<String, Object> params = new HashMap<>();
        String dir = asc ? " ASC" : " DESC";
        TypedQuery<HearingEntity> q = em.createQuery("SELECT e FROM HearingEntity e WHERE " + where("date", f, vis,
                params) + " ORDER BY e.date" + dir + ", e.time" + dir + ", e.id" + dir, HearingEntity.class);
        params.forEach(q::setParameter);
        return q.setFirstResult(first).setMaxResults(max).getResultList().stream().map(CalendarServiceImpl::entry)
                .toList();
    }

    private static List<CalendarEntry> dueDates(EntityManager em, Filter f, Clause vis, int first, int max,
            boolean asc) {
        Map<String, Object> params = new HashMap<>();
        String dir = asc ? " ASC" : " DESC";
        TypedQuery<DueDateEntity> q = em.createQuery("SELECT e FROM DueDateEntity e WHERE " + where("date", f, vis,
                params) + " ORDER BY e.date" + dir + ", e.id" + dir, DueDateEntity.class);
        params.forEach(q::setParameter);
        return q.setFirstResult(first).setMaxResults(max).getResultList().stream().map(CalendarServiceImpl::entry)
                .toList();
    }

    static CalendarEntry entry(HearingEntity e) {
        return new CalendarEntry(CalendarEntry.HEARING, e.getId(), e.getCaseId(), e.getCaseType(), null, null,
                e.getDate().toString(), e.getTime(), e.getType(), e.getLocation(), e.getJudge(), null, false,
                e.getAssignee(), e.getDivision());
    }

    static CalendarEntry entry(DueDateEntity e) {
        return new CalendarEntry(CalendarEntry.DUE_DATE, e.getId(), e.getCaseId(), e.getCaseType(), null, null,
                e.getDate().toString(), null, e.getType(), null, null, e.getDescription(), e.isCompleted(),
                e.getAssignee(), e.getDivision());
    }

    /** Adds each entry's case number and title, read in one query for the page. */
    static List<CalendarEntry> withCases(EntityManager em, List<CalendarEntry> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(CalendarEntry::caseId).distinct().toList();
        Map<Long, LitCaseEntity> byId = em.createQuery("SELECT c FROM LitCaseEntity c WHERE c.caseId IN :ids",
                LitCaseEntity.class).setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(LitCaseEntity::getCaseId, Function.identity()));
        return rows.stream().map(r -> {
            LitCaseEntity c = byId.get(r.caseId());
            return new CalendarEntry(r.kind(), r.id(), r.caseId(), r.caseType(), c == null ? null : c.getNumber(),
                    c == null ? null : c.getTitle(), r.date(), r.time(), r.type(), r.location(), r.judge(),
                    r.description(), r.completed(), r.attorney(), r.office());
        }).toList();
    }

    // ---- workload ----------------------------------------------------------------------------

    @Override
    public Workload workload(Caller caller, String attorneyName, String officeName, LocalDate asOf, int listSize) {
        if (!Permission.held(caller, "litigation.workload", "read")) {
            audit.record(caller, new AuditEvent("view", "litigation-workload", null, AuditEvent.DENIED, null,
                    List.of(), "workload"));
            throw new ForbiddenException("Only managers may see workload views.");
        }
        List<FieldError> errors = new ArrayList<>();
        String attorney = name("attorney", attorneyName, errors);
        String office = name("office", officeName, errors);
        if ((attorney == null) == (office == null)) {
            errors.add(new FieldError(attorney == null ? "attorney" : "office", "exclusive",
                    "Ask for one attorney or one office."));
        }
        if (listSize < 1 || listSize > MAX_SIZE) {
            errors.add(new FieldError("size", "range", "The list size must be between 1 and " + MAX_SIZE + "."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        LocalDate day = asOf == null ? today() : asOf;
        Clause vis = visibility(caller);
        Workload w = read(em -> {
            if (vis == null) {
                return new Workload(attorney, office, day.toString(), 0, 0, 0, List.of(), List.of(), List.of(),
                        List.of());
            }
            String who = office != null ? "division" : "assignee";
            String target = office != null ? office : attorney;
            Clause caseVis = vis.on("c", "caseId", "createdBy");
            Map<String, Object> cp = new HashMap<>(caseVis.params());
            cp.put("who", target);
            cp.put("no", Boolean.FALSE);
            String caseWhere = "c." + who + " = :who AND c.closed = :no AND (" + caseVis.jpql() + ")";
            TypedQuery<Long> openCount = em.createQuery("SELECT COUNT(c) FROM LitCaseEntity c WHERE " + caseWhere,
                    Long.class);
            cp.forEach(openCount::setParameter);
            TypedQuery<LitCaseEntity> openList = em.createQuery("SELECT c FROM LitCaseEntity c WHERE " + caseWhere
                    + " ORDER BY c.openedAt ASC, c.caseId ASC", LitCaseEntity.class);
            cp.forEach(openList::setParameter);
            List<Workload.CaseSummary> open = openList.setMaxResults(listSize).getResultList().stream()
                    .map(c -> new Workload.CaseSummary(c.getCaseId(), c.getCaseType(), c.getNumber(), c.getTitle(),
                            c.getStatus(), c.getAssignee(), c.getDivision(), c.getOpenedAt().toString()))
                    .toList();

            Filter upcoming = new Filter(attorney, office, day, LocalDate.of(9999, 12, 31), false);
            long hearingCount = count(em, "HearingEntity", upcoming, vis);
            List<CalendarEntry> hearingList = withCases(em, hearings(em, upcoming, vis, 0, listSize, true));

            Map<String, Object> op = new HashMap<>(vis.params());
            op.put("who", target);
            op.put("day", day);
            op.put("no", Boolean.FALSE);
            op.put("yes", Boolean.TRUE);
            String overdueWhere = "e." + who + " = :who AND e.date < :day AND e.completed = :no "
                    + "AND e.caseOpen = :yes AND (" + vis.jpql() + ")";
            TypedQuery<Long> overdueCount = em.createQuery("SELECT COUNT(e) FROM DueDateEntity e WHERE "
                    + overdueWhere, Long.class);
            op.forEach(overdueCount::setParameter);
            TypedQuery<DueDateEntity> overdueList = em.createQuery("SELECT e FROM DueDateEntity e WHERE "
                    + overdueWhere + " ORDER BY e.date ASC, e.id ASC", DueDateEntity.class);
            op.forEach(overdueList::setParameter);
            List<CalendarEntry> overdue = withCases(em, overdueList.setMaxResults(listSize).getResultList().stream()
                    .map(CalendarServiceImpl::entry).toList());

            List<Workload.Counts> byAttorney = office == null ? List.of() : perAttorney(em, office, day, vis, cp,
                    caseWhere);
            return new Workload(attorney, office, day.toString(), openCount.getSingleResult(), hearingCount,
                    overdueCount.getSingleResult(), open, hearingList, overdue, byAttorney);
        });
        audit.record(caller, AuditEvent.success("view", "litigation-workload", null,
                (office != null ? "office " + office : "attorney " + attorney) + " as of " + day));
        return w;
    }

    private static List<Workload.Counts> perAttorney(EntityManager em, String office, LocalDate day, Clause vis,
            Map<String, Object> caseParams, String caseWhere) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        TypedQuery<Object[]> open = em.createQuery("SELECT c.assignee, COUNT(c) FROM LitCaseEntity c WHERE "
                + caseWhere + " GROUP BY c.assignee", Object[].class);
        caseParams.forEach(open::setParameter);
        for (Object[] r : open.getResultList()) {
            counts.computeIfAbsent((String) r[0], k -> new long[3])[0] = ((Number) r[1]).longValue();
        }
        Map<String, Object> p = new HashMap<>(vis.params());
        p.put("who", office);
        p.put("day", day);
        p.put("yes", Boolean.TRUE);
        p.put("no", Boolean.FALSE);
        TypedQuery<Object[]> hearings = em.createQuery("SELECT e.assignee, COUNT(e) FROM HearingEntity e WHERE "
                + "e.division = :who AND e.date >= :day AND e.caseOpen = :yes AND (" + vis.jpql()
                + ") GROUP BY e.assignee", Object[].class);
        p.forEach((k, v) -> {
            if (!k.equals("no")) {
                hearings.setParameter(k, v);
            }
        });
        for (Object[] r : hearings.getResultList()) {
            counts.computeIfAbsent((String) r[0], k -> new long[3])[1] = ((Number) r[1]).longValue();
        }
        TypedQuery<Object[]> overdue = em.createQuery("SELECT e.assignee, COUNT(e) FROM DueDateEntity e WHERE "
                + "e.division = :who AND e.date < :day AND e.completed = :no AND e.caseOpen = :yes AND ("
                + vis.jpql() + ") GROUP BY e.assignee", Object[].class);
        p.forEach(overdue::setParameter);
        for (Object[] r : overdue.getResultList()) {
            counts.computeIfAbsent((String) r[0], k -> new long[3])[2] = ((Number) r[1]).longValue();
        }
        return counts.entrySet().stream().map(e -> new Workload.Counts(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2])).sorted(Comparator.comparingLong(Workload.Counts::openCases).reversed()
                        .thenComparing(c -> c.attorney() == null ? "" : c.attorney())).toList();
    }

    // ---- reminders ---------------------------------------------------------------------------

    @Override
    public Page<Reminder> myReminders(Caller caller, int page, int size) {
        List<FieldError> errors = new ArrayList<>();
        paging(page, size, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Page<Reminder> result = read(em -> {
            long total = em.createQuery("SELECT COUNT(r) FROM ReminderEntity r WHERE r.recipient = :me", Long.class)
                    .setParameter("me", caller.username()).getSingleResult();
            List<Reminder> items = em.createQuery("SELECT r FROM ReminderEntity r WHERE r.recipient = :me "
                    + "ORDER BY r.createdAt DESC, r.id DESC", ReminderEntity.class).setParameter("me", caller.username())
                    .setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                    .map(r -> new Reminder(r.getId(), r.getDueDateId(), r.getCaseId(), r.getCaseNumber(),
                            r.getDueType(), r.getDueOn().toString(), r.getDescription(), r.getDaysBefore(),
                            r.getCreatedAt(), r.isEmailed()))
                    .toList();
            return new Page<>(items, total, page, size);
        });
        audit.record(caller, AuditEvent.success("view", "litigation-reminders", null, "own reminders"));
        return result;
    }

    @Override
    public int runReminders(Caller caller, LocalDate asOf) {
        if (!Permission.held(caller, "litigation.reminders", "run")) {
            audit.record(caller, new AuditEvent("execute", "litigation-reminders", null, AuditEvent.DENIED, null,
                    List.of(), "reminder run"));
            throw new ForbiddenException("Only administrators may start a reminder run.");
        }
        LocalDate day = asOf == null ? today() : asOf;
        int sent = reminders.run(day);
        audit.record(caller, AuditEvent.success("execute", "litigation-reminders", null,
                "reminder run as of " + day + ": " + sent + " sent"));
        return sent;
    }

    // ---- feed --------------------------------------------------------------------------------

    @Override
    public FeedToken createFeedToken(Caller caller) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        FeedToken issued = write(em -> {
            revokeAll(em, caller.username());
            FeedTokenEntity e = new FeedTokenEntity(caller.username(), sha256(token), clock.instant());
            em.persist(e);
            return new FeedToken(token, FEED_PATH + token, e.getCreatedAt());
        });
        audit.record(caller, AuditEvent.success("create", "litigation-feed-token", caller.username(),
                "calendar feed token issued (earlier ones revoked)"));
        return issued;
    }

    @Override
    public boolean revokeFeedToken(Caller caller) {
        boolean had = write(em -> revokeAll(em, caller.username()) > 0);
        audit.record(caller, AuditEvent.success("delete", "litigation-feed-token", caller.username(),
                had ? "calendar feed token revoked" : "no calendar feed token to revoke"));
        return had;
    }

    private int revokeAll(EntityManager em, String username) {
        List<FeedTokenEntity> active = em.createQuery("SELECT t FROM FeedTokenEntity t WHERE t.username = :u "
                + "AND t.revokedAt IS NULL", FeedTokenEntity.class).setParameter("u", username).getResultList();
        active.forEach(t -> t.revoke(clock.instant()));
        return active.size();
    }

    @Override
    public Optional<String> feed(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        String hash = sha256(token);
        Optional<String> owner = read(em -> em.createQuery("SELECT t FROM FeedTokenEntity t WHERE t.tokenHash = :h "
                + "AND t.revokedAt IS NULL", FeedTokenEntity.class).setParameter("h", hash).getResultList().stream()
                .findFirst().map(FeedTokenEntity::getUsername));
        Optional<Caller> caller = owner.flatMap(authentication::callerFor);
        if (caller.isEmpty()) {
            return Optional.empty();
        }
        Caller me = caller.get();
        Clause vis = visibility(me);
        LocalDate today = today();
        Filter f = new Filter(me.username(), null, today.minusDays(30), today.plusYears(1), false);
        List<CalendarEntry> entries = read(em -> {
            if (vis == null) {
                return List.<CalendarEntry>of();
            }
            List<CalendarEntry> all = new ArrayList<>(hearings(em, f, vis, 0, 2_000, true));
            all.addAll(dueDates(em, f, vis, 0, 2_000, true));
            all.sort(BY_DATE);
            return withCases(em, all);
        });
        audit.record(me, AuditEvent.success("view", "litigation-calendar", null, "calendar feed: " + entries.size()
                + " entries"));
        return Optional.of(ICalendarWriter.write("Casework – " + me.displayName(), entries, clock.instant(),
                "casework"));
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- need-to-know ------------------------------------------------------------------------

    /**
     * A JPQL condition over a hearing or due date row ({@code e}) that holds exactly for rows of
     * cases the caller may read; null when the caller may read no litigation case at all.
     */
    record Clause(String jpql, Map<String, Object> params) {

        /** The same condition over another alias and its id and creator fields (lit_case rows). */
        Clause on(String alias, String idField, String creatorField) {
            return new Clause(jpql.replace("e.caseId", alias + "." + idField)
                    .replace("e.caseCreator", alias + "." + creatorField)
                    .replace("e.", alias + "."), params);
        }
    }

    Clause visibility(Caller caller) {
        List<String> any = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        int i = 0;
        for (String type : LitigationService.CASE_TYPES) {
            Visibility v = readVisibility(caller, type);
            if (v.none()) {
                continue;
            }
            String t = "vt" + i;
            params.put(t, type);
            if (v.all()) {
                any.add("e.caseType = :" + t);
            } else {
                List<String> or = new ArrayList<>();
                if (!v.divisions().isEmpty()) {
                    or.add("e.division IN :vd" + i);
                    params.put("vd" + i, List.copyOf(v.divisions()));
                }
                if (v.assigned()) {
                    or.add("e.assignee = :vme");
                }
                if (v.assigned() || v.own()) {
                    or.add("e.caseCreator = :vme");
                    params.put("vme", caller.username());
                }
                Set<Long> granted = v.grantedIds().stream().map(CalendarServiceImpl::longOrNull)
                        .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
                if (!granted.isEmpty()) {
                    or.add("e.caseId IN :vg" + i);
                    params.put("vg" + i, List.copyOf(granted));
                }
                any.add("(e.caseType = :" + t + " AND (" + String.join(" OR ", or) + "))");
            }
            i++;
        }
        return any.isEmpty() ? null : new Clause(String.join(" OR ", any), params);
    }

    private Visibility readVisibility(Caller caller, String type) {
        if (caller.isAdmin()) {
            return Visibility.ALL;
        }
        boolean byRoles = cases.caseType(type).map(d -> caller.hasAnyRole(d.rolesFor(CaseAction.READ)))
                .orElse(false);
        if (byRoles) {
            return Visibility.ALL;
        }
        AccessPolicy p = policy;
        return p == null ? Visibility.NONE : p.visibility(caller, "case." + type, "read");
    }

    private static Long longOrNull(String id) {
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private static void paging(int page, int size, List<FieldError> errors) {
        if (page < 0 || page > 100_000) {
            errors.add(new FieldError("page", "range", "The page number must be between 0 and 100000."));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldError("size", "range", "The page size must be between 1 and " + MAX_SIZE + "."));
        } else if ((long) (page + 1) * size > MAX_DEPTH) {
            errors.add(new FieldError("page", "depth", "Pages reach at most " + MAX_DEPTH
                    + " entries deep: narrow the dates instead."));
        }
    }

    private static String name(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (!NAME.matcher(v).matches()) {
            errors.add(new FieldError(field, "pattern", "A name has 1-64 letters, digits or . _ @ -"));
            return null;
        }
        return v;
    }

    private static LocalDate day(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "date", "\"" + value.strip() + "\" is not a date written yyyy-mm-dd."));
            return null;
        }
    }

    private <R> R read(org.apache.aries.jpa.template.EmFunction<R> work) {
        return tx(TransactionType.Required, work);
    }

    private <R> R write(org.apache.aries.jpa.template.EmFunction<R> work) {
        return tx(TransactionType.Required, work);
    }

    private <R> R tx(TransactionType type, org.apache.aries.jpa.template.EmFunction<R> work) {
        try {
            return jpa.txExpr(type, em -> work.apply(TransactionConnection.claim(em)));
        } catch (CaseworkException e) {
            throw e;
        } catch (RuntimeException e) {
            for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
                if (t instanceof CaseworkException ce) {
                    throw ce;
                }
            }
            throw e;
        }
    }
}
