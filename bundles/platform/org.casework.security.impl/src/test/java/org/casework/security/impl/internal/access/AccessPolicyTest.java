package org.casework.security.impl.internal.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.casework.core.api.Caller;
import org.casework.core.api.ConflictException;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.ValidationException;
import org.casework.core.api.access.RecordRef;
import org.casework.core.api.access.Visibility;
import org.casework.security.api.NewUser;
import org.casework.security.impl.internal.password.PasswordHasher;
import org.casework.security.impl.internal.persistence.DerbyJpa;
import org.casework.security.impl.internal.persistence.SecurityStore;
import org.casework.security.impl.internal.roles.RoleCatalog;
import org.casework.security.impl.internal.roles.RoleChange;
import org.casework.security.impl.internal.roles.RoleDefinition;
import org.casework.security.impl.internal.service.SecurityAudit;
import org.casework.security.impl.internal.service.UserServiceAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Roles as data and the need-to-know decision, on the real schema with the seeded roles. */
class AccessPolicyTest {

    private static final Caller ADMIN = new Caller("admin", "Admin", Set.of("admin"), Set.of(), false, false);
    private static final String FEDERAL = "case.federal-litigation";
    private static final String IMMIGRATION = "case.immigration-case";

    private DerbyJpa db;
    private RoleCatalog roles;
    private AccessPolicyImpl policy;

    @BeforeEach
    void setUp() throws Exception {
        db = new DerbyJpa();
        SecurityStore store = new SecurityStore(db, DerbyJpa.schema());
        SecurityAudit audit = new SecurityAudit(null);
        roles = new RoleCatalog(db, audit, Clock.systemUTC());
        policy = new AccessPolicyImpl(db, store, roles, audit, Clock.systemUTC());
        var users = UserServiceAccess.create(store, new PasswordHasher(1_000), roles);
        for (String[] u : new String[][] {{"ana", "attorney", "ocr"}, {"bob", "attorney", "nsls"},
            {"eve", "external-readonly", "ero"}, {"ian", "intake", "intake"}}) {
            users.create(ADMIN, new NewUser(u[0], u[0], null, Set.of(u[1]), Set.of(u[2]), "twelve chars ok"));
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    private Caller caller(String name, String role, String division) {
        return roles.resolve(new Caller(name, name, Set.of(role), Set.of(division), false, false));
    }

    @Test
    void theSeedsRolesAreDataWithPermissionSets() {
        List<String> keys = roles.list().stream().map(RoleDefinition::key).toList();
        assertTrue(keys.containsAll(List.of("intake", "case-manager", "analyst", "junior-auditor", "investigator",
                "sme", "manager", "product-owner", "attorney", "support-staff", "external-readonly", "helpdesk",
                "admin", "auditor", "security-officer")), keys.toString());
        RoleDefinition external = roles.find("external-readonly").orElseThrow();
        assertTrue(external.external());
        assertTrue(external.twoFactorRequired());
        assertEquals(Set.of("console:use", "case.immigration-case:read"), external.permissions());
    }

    @Test
    void divisionScopeHidesOtherDivisionsRecordsUntilTheCreatorGrantsThem() {
        Caller ana = caller("ana", "attorney", "ocr");
        Caller bob = caller("bob", "attorney", "nsls");
        RecordRef federal = new RecordRef(FEDERAL, "7", "ocr", "ana", null);
        assertTrue(policy.permits(ana, "read", federal));
        assertFalse(policy.permits(bob, "read", federal));
        assertEquals(new Visibility(false, Set.of("nsls"), false, false, Set.of()),
                policy.visibility(bob, FEDERAL, "read"));

        assertThrows(NotFoundException.class, () -> policy.grant(bob, federal, "bob", "read"));
        policy.grant(ana, federal, "bob", "read");
        assertTrue(policy.permits(bob, "read", federal));
        assertFalse(policy.permits(bob, "update", federal));
        assertEquals(Set.of("7"), policy.visibility(bob, FEDERAL, "read").grantedIds());
        assertEquals(1, policy.grants(ana, federal).size());
        assertThrows(ForbiddenException.class, () -> policy.revoke(bob, federal, "bob", "read"));

        policy.revoke(ana, federal, "bob", "read");
        assertFalse(policy.permits(bob, "read", federal));
    }

    @Test
    void immigrationCasesAreVisibleToEveryLegalUserAndExternalUsersOnlyRead() {
        Caller eve = caller("eve", "external-readonly", "ero");
        RecordRef immigration = new RecordRef(IMMIGRATION, "9", "ocr", "ana", null);
        assertTrue(policy.permits(caller("bob", "attorney", "nsls"), "update", immigration));
        assertTrue(policy.permits(eve, "read", immigration));
        assertFalse(policy.permits(eve, "update", immigration));
        assertFalse(policy.mayAtAll(eve, IMMIGRATION, "create"));
        assertTrue(policy.visibility(eve, FEDERAL, "read").none());

        ValidationException e = assertThrows(ValidationException.class,
                () -> policy.grant(ADMIN, new RecordRef(FEDERAL, "3", "ocr", "ana", null), "eve", "update"));
        assertEquals("action", e.errors().get(0).field());
    }

    @Test
    void anExternalRoleTakesEveryWriteAwayWhateverElseIsHeld() {
        Caller both = roles.resolve(new Caller("x", "x", Set.of("attorney", "external-readonly"), Set.of("ocr"),
                false, false));
        assertTrue(both.permissions().contains("case.immigration-case:read"));
        assertFalse(both.permissions().contains("case.immigration-case:update"));
        assertFalse(policy.mayAtAll(both, FEDERAL, "create"));
    }

    @Test
    void intakeStaffSeeOnlyWhatTheyEntered() {
        Caller ian = caller("ian", "intake", "intake");
        assertTrue(policy.mayAtAll(ian, "case.complaint", "create"));
        assertTrue(policy.permits(ian, "read", new RecordRef("case.complaint", "1", null, "ian", null)));
        assertFalse(policy.permits(ian, "read", new RecordRef("case.complaint", "2", null, "someone", "ian")));
        assertEquals(new Visibility(false, Set.of(), false, true, Set.of()),
                policy.visibility(ian, "case.complaint", "read"));
    }

    @Test
    void grantsNameAnActiveUserAndAKnownAction() {
        RecordRef federal = new RecordRef(FEDERAL, "7", "ocr", "ana", null);
        Caller ana = caller("ana", "attorney", "ocr");
        ValidationException e = assertThrows(ValidationException.class,
                () -> policy.grant(ana, federal, "nobody", "delete"));
        assertEquals(Set.of("grantee", "action"), Set.copyOf(e.errors().stream().map(f -> f.field()).toList()));
    }

    @Test
    void administratorsEditRolesWithVersionsAndValidation() {
        RoleDefinition intake = roles.find("intake").orElseThrow();
        RoleDefinition saved = roles.save(ADMIN, "intake", new RoleChange(intake.version(), intake.label(),
                intake.description(), false, false, Set.of("case.complaint:create")));
        assertEquals(Set.of("case.complaint:create"), saved.permissions());
        assertThrows(ConflictException.class, () -> roles.save(ADMIN, "intake", new RoleChange(intake.version(),
                "x", null, false, false, Set.of())));
        ValidationException bad = assertThrows(ValidationException.class, () -> roles.save(ADMIN, "Bad Key",
                new RoleChange(null, "", null, false, false, Set.of("case.complaint:create:everywhere"))));
        assertEquals(Set.of("key", "label", "permissions"),
                Set.copyOf(bad.errors().stream().map(f -> f.field()).toList()));
        Caller ana = caller("ana", "attorney", "ocr");
        assertThrows(ForbiddenException.class, () -> roles.save(ana, "x", new RoleChange(null, "X", null, false,
                false, Set.of())));
        assertTrue(roles.unknown(Set.of("intake")).isEmpty());
        assertEquals(Set.of("ghost"), roles.unknown(Set.of("intake", "ghost")));
    }
}
