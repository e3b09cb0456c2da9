package org.casework.rest.internal.auth;

import java.security.Principal;

import javax.ws.rs.core.SecurityContext;

import org.casework.core.api.Caller;

/** The JAX-RS view of an authenticated caller; the principal is the {@link Caller} itself. */
public final class CallerSecurityContext implements SecurityContext {

    /** Authentication scheme of bearer tokens (JAX-RS names only Basic, Digest, Form, Cert). */
    public static final String BEARER = "BEARER";

    private final Caller caller;
    private final String scheme;
    private final boolean secure;

    public CallerSecurityContext(Caller caller, String scheme, boolean secure) {
        this.caller = caller;
        this.scheme = scheme;
        this.secure = secure;
    }

    @Override
    public Principal getUserPrincipal() {
        return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
        return caller.hasRole(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return scheme;
    }
}
