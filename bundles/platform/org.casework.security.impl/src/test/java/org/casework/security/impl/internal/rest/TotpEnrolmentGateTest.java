package org.casework.security.impl.internal.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Set;

import javax.ws.rs.core.SecurityContext;

import org.casework.core.api.Caller;
import org.casework.security.impl.internal.service.TwoFactorService;
import org.junit.jupiter.api.Test;

/** Who the enrolment gate stops, and where it lets them through. */
class TotpEnrolmentGateTest {

    private static final Caller EXTERNAL = new Caller("ext", "Ext", Set.of("external"), Set.of(),
            false, false);

    private final TwoFactorService twoFactor = mock(TwoFactorService.class);
    private final TotpEnrolmentGate gate = new TotpEnrolmentGate(twoFactor);

    private static SecurityContext as(Caller caller) {
        SecurityContext sc = mock(SecurityContext.class);
        when(sc.getUserPrincipal()).thenReturn(caller);
        return sc;
    }

    @Test
    void stopsARequiredRoleWithoutTwoFactorOutsideEnrolment() {
        when(twoFactor.required(EXTERNAL)).thenReturn(true);
        assertTrue(gate.stops(as(EXTERNAL), "/cases/"));
        assertTrue(gate.stops(as(EXTERNAL), "users/ext"));
    }

    @Test
    void letsEnrolmentThroughAndEnrolledUsersEverywhere() {
        when(twoFactor.required(EXTERNAL)).thenReturn(true);
        for (String path : new String[] {"users/me/totp", "/users/me/totp/confirm/", "session",
            "users/me/password"}) {
            assertFalse(gate.stops(as(EXTERNAL), path), path);
        }
        when(twoFactor.enabled("ext")).thenReturn(true);
        assertFalse(gate.stops(as(EXTERNAL), "cases"));
    }

    @Test
    void ignoresRolesThatDoNotNeedItAndPublicEndpoints() {
        assertFalse(gate.stops(as(EXTERNAL), "cases"));
        assertFalse(gate.stops(as(null), "health"));
        assertFalse(gate.stops(null, "health"));
    }
}
