package org.casework.audit.impl.internal.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.casework.core.api.CaseworkException;
import org.casework.core.api.FieldError;
import org.casework.core.api.NotFoundException;
import org.casework.persistence.api.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.casework.persistence.jpa.TransactionConnection;

/** Stores, finds and acknowledges misuse alerts in {@code cw_alert}. */
@Component(service = AlertStore.class)
public class AlertStore {

    private final JpaTemplate jpa;
    private final Clock clock;

    @Activate
    public AlertStore(@Reference(target = "(osgi.unit.name=casework-audit)") JpaTemplate jpa,
            @Reference(target = "(" + MigratedSchema.PROPERTY + "=org.casework.audit.impl)") MigratedSchema schema) {
        this(jpa, Clock.systemUTC());
    }

    AlertStore(JpaTemplate jpa, Clock clock) {
        this.jpa = jpa;
        this.clock = clock;
    }

    /** Stores a new, open alert in a transaction of its own. */
    public AlertView insert(Alert alert) {
        AlertEntity e = new AlertEntity(alert);
        return jpa.txExpr(TransactionType.RequiresNew, em -> {
            TransactionConnection.claim(em);
            em.persist(e);
            em.flush();
            return e.view();
        });
    }

    /** The alert with this id. */
    public Optional<AlertView> find(long id) {
        return jpa.txExpr(TransactionType.Required, em -> Optional.ofNullable(em.find(AlertEntity.class, id))
                .map(AlertEntity::view));
    }

    /** Alerts matching the query, newest first. */
    public AlertPage search(AlertQuery q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (q.status() != null) {
            where.append(" AND a.status = :status");
            params.put("status", q.status());
        }
        if (q.rule() != null) {
            where.append(" AND a.rule = :rule");
            params.put("rule", q.rule());
        }
        if (q.username() != null) {
            where.append(" AND a.username = :username");
            params.put("username", q.username());
        }
        if (q.from() != null) {
            where.append(" AND a.raisedAt >= :from");
            params.put("from", q.from());
        }
        if (q.to() != null) {
            where.append(" AND a.raisedAt < :to");
            params.put("to", q.to());
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            TransactionConnection.claim(em);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(a) FROM AlertEntity a" + where, Long.class);
            TypedQuery<AlertEntity> list = em.createQuery("SELECT a FROM AlertEntity a" + where
                    + " ORDER BY a.raisedAt DESC, a.id DESC", AlertEntity.class);
            params.forEach((k, v) -> {
                count.setParameter(k, v);
                list.setParameter(k, v);
            });
            long total = count.getSingleResult();
            List<AlertView> items = list.setFirstResult(q.page() * q.size()).setMaxResults(q.size())
                    .getResultList().stream().map(AlertEntity::view).toList();
            return new AlertPage(items, total, q.page(), q.size());
        });
    }

    /**
     * Marks an open alert acknowledged by {@code username}.
     *
     * @throws NotFoundException when there is no such alert
     * @throws CaseworkException 409 when it was already acknowledged
     */
    public AlertView acknowledge(long id, String username, String comment) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return jpa.txExpr(TransactionType.Required, em -> {
            TransactionConnection.claim(em);
            AlertEntity e = em.find(AlertEntity.class, id);
            if (e == null) {
                throw new NotFoundException("The alert");
            }
            if (!AlertEntity.OPEN.equals(e.getStatus())) {
                throw new CaseworkException(409, "already-acknowledged", "The alert was already acknowledged.",
                        List.of(new FieldError("status", "acknowledged",
                                "Someone acknowledged this alert already; reload it to see who.")));
            }
            e.acknowledge(username, now, comment);
            em.flush();
            return e.view();
        });
    }
}
