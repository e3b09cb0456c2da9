package org.casework.rest.api;

import javax.ws.rs.core.SecurityContext;

import org.casework.core.api.Caller;

/** Reads what the platform's authentication filter established for the current request. */
public final class RestContext {

    private RestContext() {
    }

    /**
     * The authenticated caller of a request to a non-public endpoint.
     *
     * @throws IllegalStateException on a public endpoint with nobody signed in
     */
    public static Caller caller(SecurityContext securityContext) {
        if (securityContext != null && securityContext.getUserPrincipal() instanceof Caller c) {
            return c;
        }
        throw new IllegalStateException("No authenticated caller on this request");
    }
}
