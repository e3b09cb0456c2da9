package org.casework.core.impl.internal.work;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.persistence.TypedQuery;

import org.casework.audit.api.AuditService;
import org.casework.core.api.Caller;
import org.casework.core.api.CaseService;
import org.casework.core.api.FieldError;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.ValidationException;
import org.casework.core.api.access.Permission;
import org.casework.core.api.work.CaseFigures;
import org.casework.core.impl.internal.CaseAccess;
import org.casework.persistence.api.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The standard figures: case life cycle (opening to the last move into a closed state, from the
 * cases' history) and effort per case (time entries), grouped by case type and owning division.
 */
@Component(service = CaseFigures.class)
public class Figures implements CaseFigures {

    static final String RECORD = "report";
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);
    private static final int MAX_DIVISION = 64;

    private final WorkSupport support;
    private final CaseService cases;

    @Activate
    public Figures(@Reference CaseAccess access, @Reference AuditService audit, @Reference CaseService cases,
            @Reference(target = "(" + MigratedSchema.PROPERTY + "=org.casework.core.impl)") MigratedSchema schema) {
        this.support = new WorkSupport(access, audit);
        this.cases = cases;
    }

    @Override
    public List<Lifecycle> lifecycle(Caller caller, String type, String division, LocalDate from, LocalDate to) {
        String detail = "case-lifecycle" + describe(type, division, from, to);
        return support.audited(caller, "view", RECORD, "case-lifecycle", () -> {
            check(caller, type, division, from, to);
            String t = WorkSupport.blankToNull(type);
            String d = WorkSupport.blankToNull(division);
            return support.tx(em -> {
                StringBuilder jpql = new StringBuilder("SELECT c.id, c.caseType, c.ownerDivision, c.createdAt, h.at"
                        + " FROM CaseEntity c, HistoryEntity h WHERE h.caseId = c.id AND c.closed = :closed"
                        + " AND h.action = 'transitioned'");
                if (t != null) {
                    jpql.append(" AND c.caseType = :type");
                }
                if (d != null) {
                    jpql.append(" AND c.ownerDivision = :division");
                }
                TypedQuery<Object[]> q = em.createQuery(jpql.toString(), Object[].class);
                q.setParameter("closed", Boolean.TRUE);
                if (t != null) {
                    q.setParameter("type", t);
                }
                if (d != null) {
                    q.setParameter("division", d);
                }
                // The last transition of a case that is closed now is the one that closed it.
                Map<Long, Object[]> closing = new HashMap<>();
                for (Object[] row : q.getResultList()) {
                    Object[] seen = closing.get((Long) row[0]);
                    if (seen == null || ((Instant) row[4]).isAfter((Instant) seen[4])) {
                        closing.put((Long) row[0], row);
                    }
                }
                Map<List<String>, List<BigDecimal>> groups = new TreeMap<>(GROUP_ORDER);
                for (Object[] row : closing.values()) {
                    Instant closedAt = (Instant) row[4];
                    LocalDate closedOn = closedAt.atZone(ZoneOffset.UTC).toLocalDate();
                    if (from != null && closedOn.isBefore(from) || to != null && closedOn.isAfter(to)) {
                        continue;
                    }
                    long seconds = Math.max(0, Duration.between((Instant) row[3], closedAt).getSeconds());
                    groups.computeIfAbsent(java.util.Arrays.asList((String) row[1], (String) row[2]), k -> new ArrayList<>())
                            .add(BigDecimal.valueOf(seconds).divide(SECONDS_PER_DAY, 6, RoundingMode.HALF_UP));
                }
                List<Lifecycle> out = new ArrayList<>();
                groups.forEach((key, days) -> {
                    days.sort(Comparator.naturalOrder());
                    BigDecimal sum = days.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                    int n = days.size();
                    BigDecimal median = n % 2 == 1 ? days.get(n / 2)
                            : days.get(n / 2 - 1).add(days.get(n / 2)).divide(BigDecimal.valueOf(2), 6, RoundingMode.HALF_UP);
                    out.add(new Lifecycle(key.get(0), key.get(1), n,
                            round(sum.divide(BigDecimal.valueOf(n), 6, RoundingMode.HALF_UP)), round(median),
                            round(days.get(0)), round(days.get(n - 1))));
                });
                support.success(caller, "view", RECORD, "case-lifecycle", List.of(), detail);
                return out;
            });
        });
    }

    @Override
    public List<Effort> effort(Caller caller, String type, String division, LocalDate from, LocalDate to) {
        String detail = "effort" + describe(type, division, from, to);
        return support.audited(caller, "view", RECORD, "effort", () -> {
            check(caller, type, division, from, to);
            String t = WorkSupport.blankToNull(type);
            String d = WorkSupport.blankToNull(division);
            return support.tx(em -> {
                StringBuilder jpql = new StringBuilder("SELECT c.caseType, c.ownerDivision, c.id, COUNT(e), SUM(e.minutes)"
                        + " FROM TimeEntryEntity e, CaseEntity c WHERE c.id = e.caseId");
                if (t != null) {
                    jpql.append(" AND c.caseType = :type");
                }
                if (d != null) {
                    jpql.append(" AND c.ownerDivision = :division");
                }
                if (from != null) {
                    jpql.append(" AND e.workDate >= :from");
                }
                if (to != null) {
                    jpql.append(" AND e.workDate <= :to");
                }
                jpql.append(" GROUP BY c.caseType, c.ownerDivision, c.id");
                TypedQuery<Object[]> q = em.createQuery(jpql.toString(), Object[].class);
                if (t != null) {
                    q.setParameter("type", t);
                }
                if (d != null) {
                    q.setParameter("division", d);
                }
                if (from != null) {
                    q.setParameter("from", from);
                }
                if (to != null) {
                    q.setParameter("to", to);
                }
                Map<List<String>, long[]> groups = new TreeMap<>(GROUP_ORDER);
                for (Object[] row : q.getResultList()) {
                    long[] g = groups.computeIfAbsent(java.util.Arrays.asList((String) row[0], (String) row[1]),
                            k -> new long[3]);
                    g[0]++;
                    g[1] += ((Number) row[3]).longValue();
                    g[2] += ((Number) row[4]).longValue();
                }
                List<Effort> out = new ArrayList<>();
                groups.forEach((key, g) -> out.add(new Effort(key.get(0), key.get(1), g[0], g[1], g[2],
                        Math.round((double) g[2] / g[0]),
                        BigDecimal.valueOf(g[2]).divide(BigDecimal.valueOf(60L * g[0]), 2, RoundingMode.HALF_UP))));
                support.success(caller, "view", RECORD, "effort", List.of(), detail);
                return out;
            });
        });
    }

    /** Groups by type, then division (cases no division owns last). */
    private static final Comparator<List<String>> GROUP_ORDER = Comparator
            .comparing((List<String> k) -> k.get(0))
            .thenComparing(k -> k.get(1), Comparator.nullsLast(Comparator.naturalOrder()));

    private void check(Caller caller, String type, String division, LocalDate from, LocalDate to) {
        if (!Permission.held(caller, "reports", "read")) {
            throw new ForbiddenException("You may not read reports.");
        }
        List<FieldError> errors = new ArrayList<>();
        String t = WorkSupport.blankToNull(type);
        if (t != null && cases.caseType(t).isEmpty()) {
            errors.add(new FieldError("type", "unknown", "There is no case type \"" + t + "\"."));
        }
        String d = WorkSupport.blankToNull(division);
        if (d != null && d.length() > MAX_DIVISION) {
            errors.add(new FieldError("division", "maxLength", "A division name has at most " + MAX_DIVISION
                    + " characters."));
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("to", "range", "The end of the period is before its start."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static String describe(String type, String division, LocalDate from, LocalDate to) {
        StringBuilder b = new StringBuilder();
        if (type != null && !type.isBlank()) {
            b.append(" type=").append(type.strip());
        }
        if (division != null && !division.isBlank()) {
            b.append(" division=").append(division.strip());
        }
        if (from != null) {
            b.append(" from=").append(from);
        }
        if (to != null) {
            b.append(" to=").append(to);
        }
        return b.toString();
    }

    private static BigDecimal round(BigDecimal days) {
        return days.setScale(2, RoundingMode.HALF_UP);
    }

}
