package org.casework.security.impl.internal.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.FieldChange;
import org.casework.core.api.Caller;
import org.casework.core.api.FieldError;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.ValidationException;
import org.casework.core.api.access.AccessPolicy;
import org.casework.core.api.access.Grant;
import org.casework.core.api.access.Permission;
import org.casework.core.api.access.RecordRef;
import org.casework.core.api.access.Scope;
import org.casework.core.api.access.Visibility;
import org.casework.persistence.api.MigratedSchema;
import org.casework.security.impl.internal.persistence.GrantEntity;
import org.casework.security.impl.internal.persistence.SecurityStore;
import org.casework.security.impl.internal.persistence.UserRow;
import org.casework.security.impl.internal.roles.RoleCatalog;
import org.casework.security.impl.internal.service.SecurityAudit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.casework.persistence.jpa.TransactionConnection;

/**
 * The need-to-know decision: scopes from the caller's resolved permissions, widened by the
 * grants in {@code cw_record_grant}. Grants are read from the database on each decision, so a
 * revoked grant counts at once on every node.
 */
@Component(service = AccessPolicy.class)
public final class AccessPolicyImpl implements AccessPolicy {

    static final Set<String> GRANTABLE = Set.of("read", "update");
    private static final int MAX_RESOURCE = 100;
    private static final int MAX_ID = 64;

    private final JpaTemplate jpa;
    private final SecurityStore store;
    private final RoleCatalog roles;
    private final SecurityAudit audit;
    private final Clock clock;

    @Activate
    public AccessPolicyImpl(@Reference(target = "(osgi.unit.name=" + SecurityStore.UNIT + ")") JpaTemplate jpa,
            @Reference(target = "(" + MigratedSchema.PROPERTY + "=org.casework.security.impl)") MigratedSchema schema,
            @Reference SecurityStore store, @Reference RoleCatalog roles, @Reference SecurityAudit audit) {
        this(jpa, store, roles, audit, Clock.systemUTC());
    }

    public AccessPolicyImpl(JpaTemplate jpa, SecurityStore store, RoleCatalog roles, SecurityAudit audit, Clock clock) {
        this.jpa = jpa;
        this.store = store;
        this.roles = roles;
        this.audit = audit;
        this.clock = clock;
    }

    /** The scopes at which the caller holds the action on the resource; ALL for administrators. */
    static Set<Scope> scopes(Caller caller, String resource, String action) {
        if (caller.isAdmin()) {
            return EnumSet.of(Scope.ALL);
        }
        Set<Scope> found = EnumSet.noneOf(Scope.class);
        for (String text : caller.permissions()) {
            try {
                Permission p = Permission.parse(text);
                if (p.covers(resource, action)) {
                    found.add(p.scope());
                }
            } catch (IllegalArgumentException e) {
                // a malformed entry grants nothing
            }
        }
        return found;
    }

    @Override
    public boolean mayAtAll(Caller caller, String resource, String action) {
        return !scopes(caller, resource, action).isEmpty();
    }

    @Override
    public boolean permits(Caller caller, String action, RecordRef record) {
        Set<Scope> scopes = scopes(caller, record.resource(), action);
        if (scopes.isEmpty()) {
            return false;
        }
        if (scopes.contains(Scope.ALL)) {
            return true;
        }
        String me = caller.username();
        if (scopes.contains(Scope.DIVISION) && record.ownerDivision() != null
                && caller.divisions().contains(record.ownerDivision())) {
            return true;
        }
        if (scopes.contains(Scope.ASSIGNED) && (me.equals(record.assignee()) || me.equals(record.createdBy()))) {
            return true;
        }
        if (scopes.contains(Scope.OWN) && me.equals(record.createdBy())) {
            return true;
        }
        return granted(me, record.resource(), action).contains(record.id());
    }

    @Override
    public Visibility visibility(Caller caller, String resource, String action) {
        Set<Scope> scopes = scopes(caller, resource, action);
        if (scopes.isEmpty()) {
            return Visibility.NONE;
        }
        if (scopes.contains(Scope.ALL)) {
            return Visibility.ALL;
        }
        boolean assigned = scopes.contains(Scope.ASSIGNED);
        return new Visibility(false, scopes.contains(Scope.DIVISION) ? caller.divisions() : Set.of(), assigned,
                assigned || scopes.contains(Scope.OWN), granted(caller.username(), resource, action));
    }

    /** The ids of the resource's records granted to the user for the action (an update grant includes read). */
    private Set<String> granted(String username, String resource, String action) {
        if (!GRANTABLE.contains(action) && !Permission.READ_ACTIONS.contains(action)) {
            return Set.of();
        }
        List<String> actions = "update".equals(action) ? List.of("update") : List.of("read", "update");
        return new HashSet<>(jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT g.recordId FROM GrantEntity g WHERE g.grantee = :u AND g.resource = :r AND g.action IN :a",
                String.class).setParameter("u", username).setParameter("r", resource).setParameter("a", actions)
                .getResultList()));
    }

    private void requireGrantor(Caller caller, RecordRef record, String what) {
        if (!permits(caller, "read", record)) {
            throw new NotFoundException("Record " + record.id());
        }
        if (!caller.isAdmin() && !caller.username().equals(record.createdBy())) {
            audit.record(caller, "permission-change", record.resource() + " " + record.id(), AuditEvent.DENIED,
                    null, what + " refused: only the creator or an administrator may");
            throw new ForbiddenException("Only the person who created this record, or an administrator, may "
                    + "share it.");
        }
    }

    @Override
    public Grant grant(Caller caller, RecordRef record, String grantee, String action) {
        checkRef(record);
        requireGrantor(caller, record, "grant");
        List<FieldError> errors = new ArrayList<>();
        String who = grantee == null ? "" : grantee.strip().toLowerCase(java.util.Locale.ROOT);
        Optional<UserRow> user = who.isEmpty() || who.length() > 64 ? Optional.empty() : store.findUser(who);
        if (user.isEmpty() || !user.get().active()) {
            errors.add(new FieldError("grantee", "unknown", "There is no active user \"" + (grantee == null ? "" : grantee) + "\"."));
        }
        if (action == null || !GRANTABLE.contains(action)) {
            errors.add(new FieldError("action", "enum", "Share for \"read\" or \"update\"."));
        } else if ("update".equals(action) && user.isPresent() && roles.external(user.get().caller())) {
            errors.add(new FieldError("action", "external", "External users are read-only: share for \"read\" only."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            TransactionConnection.claim(em);
            GrantEntity existing = em.find(GrantEntity.class,
                    new GrantEntity.Key(record.resource(), record.id(), who, action));
            if (existing != null) {
                return toGrant(existing);
            }
            GrantEntity g = new GrantEntity(record.resource(), record.id(), who, action, caller.username(),
                    clock.instant());
            em.persist(g);
            em.flush();
            audit.recordInTransaction(caller, "permission-change", record.resource() + " " + record.id(),
                    List.of(new FieldChange("grant", null, who + ":" + action)), "record shared");
            return toGrant(g);
        });
    }

    @Override
    public void revoke(Caller caller, RecordRef record, String grantee, String action) {
        checkRef(record);
        requireGrantor(caller, record, "revoke");
        String who = grantee == null ? "" : grantee.strip().toLowerCase(java.util.Locale.ROOT);
        jpa.txExpr(TransactionType.Required, em -> {
            TransactionConnection.claim(em);
            GrantEntity existing = em.find(GrantEntity.class,
                    new GrantEntity.Key(record.resource(), record.id(), who, action));
            if (existing != null) {
                em.remove(existing);
                em.flush();
                audit.recordInTransaction(caller, "permission-change", record.resource() + " " + record.id(),
                        List.of(new FieldChange("grant", who + ":" + action, null)), "record share ended");
            }
            return null;
        });
    }

    @Override
    public List<Grant> grants(Caller caller, RecordRef record) {
        checkRef(record);
        if (!permits(caller, "read", record)) {
            throw new NotFoundException("Record " + record.id());
        }
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT g FROM GrantEntity g WHERE g.resource = :r AND g.recordId = :id ORDER BY g.grantee, g.action",
                GrantEntity.class).setParameter("r", record.resource()).setParameter("id", record.id())
                .getResultList()).stream().map(AccessPolicyImpl::toGrant).toList();
    }

    private static void checkRef(RecordRef record) {
        if (record.resource().length() > MAX_RESOURCE || record.id().length() > MAX_ID) {
            throw new IllegalArgumentException("Record reference too long: " + record.resource() + " " + record.id());
        }
    }

    private static Grant toGrant(GrantEntity g) {
        return new Grant(g.getResource(), g.getRecordId(), g.getGrantee(), g.getAction(), g.getGrantedBy(),
                g.getGrantedAt());
    }
}
