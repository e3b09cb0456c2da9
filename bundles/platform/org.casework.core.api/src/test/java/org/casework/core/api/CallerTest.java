package org.casework.core.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void administratorsHoldEveryRoleOthersOnlyTheirOwn() {
        Caller admin = new Caller("root", null, Set.of(Roles.ADMIN), null, false, false);
        Caller staff = new Caller("sam", "Sam", Set.of(Roles.STAFF), Set.of("nsls"), false, false);
        assertTrue(admin.hasRole("auditor"));
        assertTrue(admin.hasAnyRole(Set.of()));
        assertTrue(staff.hasAnyRole(Set.of("auditor", Roles.STAFF)));
        assertFalse(staff.hasRole("auditor"));
        assertFalse(staff.hasAnyRole(Set.of()));
        assertTrue(Caller.system("eid-connector").system());
    }
}
