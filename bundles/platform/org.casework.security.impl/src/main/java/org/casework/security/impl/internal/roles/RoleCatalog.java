package org.casework.security.impl.internal.roles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.casework.audit.api.FieldChange;
import org.casework.core.api.Caller;
import org.casework.core.api.ConflictException;
import org.casework.core.api.FieldError;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.ValidationException;
import org.casework.core.api.access.Permission;
import org.casework.persistence.api.MigratedSchema;
import org.casework.security.impl.internal.persistence.RoleEntity;
import org.casework.security.impl.internal.persistence.SecurityStore;
import org.casework.security.impl.internal.service.SecurityAudit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.casework.persistence.jpa.TransactionConnection;

/**
 * The roles and their permission sets, kept in {@code cw_role}: resolves a signed-in caller's
 * permissions, and lets administrators inspect and edit roles. Reads come from a copy refreshed
 * every few seconds, so an edit made on another node counts there within {@link #TTL}.
 */
@Component(service = RoleCatalog.class)
public final class RoleCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(RoleCatalog.class);
    static final Duration TTL = Duration.ofSeconds(5);
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final int MAX_PERMISSIONS = 500;

    private final JpaTemplate jpa;
    private final SecurityAudit audit;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Instant.EPOCH);

    private record Snapshot(Map<String, RoleDefinition> roles, Instant loadedAt) {
    }

    @Activate
    public RoleCatalog(@Reference(target = "(osgi.unit.name=" + SecurityStore.UNIT + ")") JpaTemplate jpa,
            @Reference(target = "(casework.schema=org.casework.security.impl)") MigratedSchema schema,
            @Reference SecurityAudit audit) {
        this(jpa, audit, Clock.systemUTC());
    }

    public RoleCatalog(JpaTemplate jpa, SecurityAudit audit, Clock clock) {
        this.jpa = jpa;
        this.audit = audit;
        this.clock = clock;
    }

    private Map<String, RoleDefinition> roles() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s.loadedAt().plus(TTL).isAfter(now)) {
            return s.roles();
        }
        Map<String, RoleDefinition> loaded = new LinkedHashMap<>();
        jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT r FROM RoleEntity r ORDER BY r.key", RoleEntity.class).getResultList())
                .forEach(e -> loaded.put(e.getKey(), RoleDefinition.of(e)));
        snapshot = new Snapshot(Map.copyOf(loaded), now);
        return loaded;
    }

    private void invalidate() {
        snapshot = new Snapshot(Map.of(), Instant.EPOCH);
    }

    /** Every role, ordered by key. */
    public List<RoleDefinition> list() {
        return roles().values().stream().sorted((a, b) -> a.key().compareTo(b.key())).toList();
    }

    public Optional<RoleDefinition> find(String key) {
        return Optional.ofNullable(roles().get(key));
    }

    /** The keys among {@code wanted} that name no role. */
    public Set<String> unknown(Collection<String> wanted) {
        Map<String, RoleDefinition> all = roles();
        Set<String> missing = new TreeSet<>();
        for (String r : wanted) {
            if (!all.containsKey(r)) {
                missing.add(r);
            }
        }
        return missing;
    }

    /**
     * The caller with the union of its roles' permission sets. A holder of an external role keeps
     * only read actions (and the console), whatever its other roles grant.
     */
    public Caller resolve(Caller caller) {
        Map<String, RoleDefinition> all = roles();
        Set<String> permissions = new TreeSet<>();
        boolean external = false;
        for (String role : caller.roles()) {
            RoleDefinition def = all.get(role);
            if (def != null) {
                permissions.addAll(def.permissions());
                external |= def.external();
            }
        }
        if (external) {
            permissions.removeIf(p -> !readOnly(p));
        }
        return caller.withPermissions(permissions);
    }

    private static boolean readOnly(String text) {
        try {
            Permission p = Permission.parse(text);
            return p.resource().equals("console") && p.action().equals("use")
                    || !p.resource().equals("*") && Permission.READ_ACTIONS.contains(p.action());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether any of the caller's roles is flagged as needing two-factor sign-in. */
    public boolean twoFactorRequired(Caller caller) {
        Map<String, RoleDefinition> all = roles();
        return caller.roles().stream().map(all::get).anyMatch(d -> d != null && d.twoFactorRequired());
    }

    /** Whether any of the caller's roles is external (read-only). */
    public boolean external(Caller caller) {
        Map<String, RoleDefinition> all = roles();
        return caller.roles().stream().map(all::get).anyMatch(d -> d != null && d.external());
    }

    /**
     * Creates a role (when {@code version} is null) or replaces an existing role's label, flags
     * and permission set. Administrators only; audited as a permission change with the
     * permissions added and removed.
     */
    public RoleDefinition save(Caller caller, String key, RoleChange change) {
        if (!Permission.held(caller, "roles", "update")) {
            audit.record(caller, "permission-change", "role " + key, org.casework.audit.api.AuditEvent.DENIED,
                    null, "role edit refused");
            throw new ForbiddenException("Only administrators may change roles.");
        }
        List<FieldError> errors = new ArrayList<>();
        if (key == null || !KEY.matcher(key).matches()) {
            errors.add(new FieldError("key", "pattern",
                    "A role key is 1 to 64 lower-case letters, digits and dashes, starting with a letter."));
        }
        if (change.label() == null || change.label().isBlank()) {
            errors.add(new FieldError("label", "required", "Give the role a label."));
        } else if (change.label().length() > 120) {
            errors.add(new FieldError("label", "maxLength", "The label may be at most 120 characters."));
        }
        if (change.description() != null && change.description().length() > 1000) {
            errors.add(new FieldError("description", "maxLength", "The description may be at most 1000 characters."));
        }
        Set<String> permissions = new TreeSet<>();
        if (change.permissions() == null) {
            errors.add(new FieldError("permissions", "required", "List the role's permissions (it may be empty)."));
        } else if (change.permissions().size() > MAX_PERMISSIONS) {
            errors.add(new FieldError("permissions", "maxItems", "A role may hold at most " + MAX_PERMISSIONS + " permissions."));
        } else {
            for (String p : change.permissions()) {
                try {
                    permissions.add(Permission.parse(p).toString());
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("permissions", "format", e.getMessage()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        RoleDefinition saved = jpa.txExpr(TransactionType.Required, em -> {
            TransactionConnection.claim(em);
            RoleEntity e = em.find(RoleEntity.class, key);
            List<FieldChange> changes = new ArrayList<>();
            if (e == null) {
                if (change.version() != null) {
                    throw new NotFoundException("Role " + key);
                }
                e = new RoleEntity(key);
                apply(e, change, permissions, changes);
                em.persist(e);
            } else {
                if (change.version() == null || change.version() != e.getVersion()) {
                    throw new ConflictException(change.version() == null ? -1 : change.version(), e.getVersion());
                }
                apply(e, change, permissions, changes);
            }
            em.flush();
            audit.recordInTransaction(caller, "permission-change", "role " + key, changes, null);
            return RoleDefinition.of(e);
        });
        LOG.info("permission-change: role {} saved by {} with {} permissions", key, caller.username(),
                saved.permissions().size());
        invalidate();
        return saved;
    }

    private static void apply(RoleEntity e, RoleChange change, Set<String> permissions, List<FieldChange> changes) {
        diff(changes, "label", e.getLabel(), change.label().strip());
        diff(changes, "external", e.getLabel() == null ? null : String.valueOf(e.isExternal()), String.valueOf(change.external()));
        diff(changes, "twoFactorRequired", e.getLabel() == null ? null : String.valueOf(e.isTwoFactorRequired()),
                String.valueOf(change.twoFactorRequired()));
        Set<String> before = new TreeSet<>(e.getPermissions());
        if (!before.equals(permissions)) {
            Set<String> removed = new TreeSet<>(before);
            removed.removeAll(permissions);
            Set<String> added = new TreeSet<>(permissions);
            added.removeAll(before);
            changes.add(new FieldChange("permissions", removed.isEmpty() ? null : "removed " + String.join(",", removed),
                    added.isEmpty() ? null : "added " + String.join(",", added)));
        }
        e.setLabel(change.label().strip());
        e.setDescription(change.description());
        e.setExternal(change.external());
        e.setTwoFactorRequired(change.twoFactorRequired());
        e.setPermissions(permissions);
    }

    private static void diff(List<FieldChange> changes, String field, String before, String after) {
        if (before == null ? after != null : !before.equals(after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }

    /**
     * Deletes a role no account holds. Built-in roles cannot be deleted.
     *
     * @throws ConflictException-like 409 when accounts still hold it
     */
    public void delete(Caller caller, String key, long version) {
        if (!Permission.held(caller, "roles", "delete")) {
            throw new ForbiddenException("Only administrators may change roles.");
        }
        jpa.txExpr(TransactionType.Required, em -> {
            TransactionConnection.claim(em);
            RoleEntity e = em.find(RoleEntity.class, key);
            if (e == null) {
                throw new NotFoundException("Role " + key);
            }
            if (e.isBuiltIn()) {
                throw new org.casework.core.api.CaseworkException(409, "role-built-in",
                        "Roles shipped with Casework cannot be deleted; edit their permissions instead.", List.of());
            }
            if (e.getVersion() != version) {
                throw new ConflictException(version, e.getVersion());
            }
            long holders = holders(em, key);
            if (holders > 0) {
                throw new org.casework.core.api.CaseworkException(409, "role-in-use",
                        "The role is still held by " + holders + " account(s); take it away from them first.", List.of());
            }
            em.remove(e);
            audit.recordInTransaction(caller, "permission-change", "role " + key,
                    List.of(new FieldChange("role", key, null)), "role deleted");
            return null;
        });
        invalidate();
    }

    private static long holders(EntityManager em, String key) {
        Number n = (Number) em.createNativeQuery("SELECT COUNT(*) FROM cw_user_role WHERE role = ?1")
                .setParameter(1, key).getSingleResult();
        return n.longValue();
    }

    /** Normalises a role key as typed. */
    static String normalise(String key) {
        return key == null ? null : key.strip().toLowerCase(Locale.ROOT);
    }
}
