package org.casework.core.impl.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.casework.core.api.Caller;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.access.AccessPolicy;
import org.casework.core.api.access.Grant;
import org.casework.core.api.access.Permission;
import org.casework.core.api.access.RecordRef;
import org.casework.core.api.access.Scope;
import org.casework.core.api.access.Visibility;

/**
 * The access policy's rules in a few lines, for the engine's unit tests: the caller's permission
 * strings with their scopes, plus grants kept in memory (update implies read; a grant only widens
 * an action the grantee holds at some scope).
 */
final class FakeAccessPolicy implements AccessPolicy {

    final List<Grant> grants = new CopyOnWriteArrayList<>();

    private static List<Permission> permissions(Caller caller, String resource, String action) {
        List<Permission> out = new ArrayList<>();
        for (String p : caller.permissions()) {
            Permission parsed = Permission.parse(p);
            if (parsed.covers(resource, action)) {
                out.add(parsed);
            }
        }
        return out;
    }

    @Override
    public boolean mayAtAll(Caller caller, String resource, String action) {
        return caller.isAdmin() || !permissions(caller, resource, action).isEmpty();
    }

    @Override
    public boolean permits(Caller caller, String action, RecordRef record) {
        return caller.isAdmin() || visibility(caller, record.resource(), action).includes(record, caller.username());
    }

    @Override
    public Visibility visibility(Caller caller, String resource, String action) {
        if (caller.isAdmin()) {
            return Visibility.ALL;
        }
        List<Permission> held = permissions(caller, resource, action);
        if (held.isEmpty()) {
            return Visibility.NONE;
        }
        boolean all = false;
        boolean assigned = false;
        boolean own = false;
        Set<String> divisions = new HashSet<>();
        for (Permission p : held) {
            all |= p.scope() == Scope.ALL;
            assigned |= p.scope() == Scope.ASSIGNED;
            own |= p.scope() == Scope.OWN;
            if (p.scope() == Scope.DIVISION) {
                divisions.addAll(caller.divisions());
            }
        }
        Set<String> granted = new HashSet<>();
        for (Grant g : grants) {
            if (g.resource().equals(resource) && g.grantee().equals(caller.username())
                    && (g.action().equals(action) || g.action().equals("update") && action.equals("read"))) {
                granted.add(g.recordId());
            }
        }
        return new Visibility(all, divisions, assigned, own, granted);
    }

    @Override
    public Grant grant(Caller caller, RecordRef record, String grantee, String action) {
        requireGrantor(caller, record);
        Grant g = new Grant(record.resource(), record.id(), grantee, action, caller.username(), Instant.EPOCH);
        grants.add(g);
        return g;
    }

    @Override
    public void revoke(Caller caller, RecordRef record, String grantee, String action) {
        requireGrantor(caller, record);
        grants.removeIf(g -> g.resource().equals(record.resource()) && g.recordId().equals(record.id())
                && g.grantee().equals(grantee) && g.action().equals(action));
    }

    @Override
    public List<Grant> grants(Caller caller, RecordRef record) {
        return grants.stream().filter(g -> g.resource().equals(record.resource()) && g.recordId().equals(record.id()))
                .toList();
    }

    private static void requireGrantor(Caller caller, RecordRef record) {
        if (!caller.isAdmin() && !caller.username().equals(record.createdBy())) {
            throw new ForbiddenException("Only the case's creator may share it.");
        }
    }
}
