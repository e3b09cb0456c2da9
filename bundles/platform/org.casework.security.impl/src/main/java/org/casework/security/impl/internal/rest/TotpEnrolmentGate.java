package org.casework.security.impl.internal.rest;

import java.util.Map;
import java.util.Set;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.casework.core.api.Caller;
import org.casework.rest.api.RestConstants;
import org.casework.security.impl.internal.service.TwoFactorService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * While two-factor sign-in is required, keeps a signed-in user whose role requires it but who
 * has not turned it on to the enrolment endpoints, the way the must-change-password gate does.
 * Runs after authentication; public endpoints (no caller) pass.
 */
@Component(service = TotpEnrolmentGate.class, property = RestConstants.PROVIDER + ":Boolean=true")
@Priority(Priorities.AUTHORIZATION)
public final class TotpEnrolmentGate implements ContainerRequestFilter {

    /** Paths (relative to the API base) such a user may still use. */
    static final Set<String> ENROLMENT_PATHS = Set.of("session", "users/me/password",
            "users/me/totp", "users/me/totp/confirm");

    private final TwoFactorService twoFactor;

    @Activate
    public TotpEnrolmentGate(@Reference TwoFactorService twoFactor) {
        this.twoFactor = twoFactor;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!stops(request.getSecurityContext(), request.getUriInfo().getPath())) {
            return;
        }
        request.abortWith(Response.status(403).type(RestConstants.PROBLEM_JSON)
                .entity(Map.of("type", "urn:casework:problem:totp-enrolment-required",
                        "title", "Your role requires two-factor sign-in. Set it up before you "
                                + "continue.", "status", 403))
                .build());
    }

    /** Whether a request by this caller to this path must wait for two-factor enrolment. */
    boolean stops(SecurityContext sc, String path) {
        return sc != null && sc.getUserPrincipal() instanceof Caller caller
                && !caller.system() && twoFactor.required(caller)
                && !ENROLMENT_PATHS.contains(normalise(path))
                && !twoFactor.enabled(caller.username());
    }

    static String normalise(String path) {
        String p = path == null ? "" : path;
        int start = 0;
        int end = p.length();
        while (start < end && p.charAt(start) == '/') {
            start++;
        }
        while (end > start && p.charAt(end - 1) == '/') {
            end--;
        }
        return p.substring(start, end);
    }
}
