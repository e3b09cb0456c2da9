package org.casework.rest.api;

/** Service properties and names shared by REST contributors. */
public final class RestConstants {

    /**
     * Service property (value {@code true}) marking a service as a JAX-RS root resource of the
     * Casework API. Its {@code @Path} is relative to {@link #BASE_PATH}. Resources come and go
     * with their bundles; the API is rebuilt within a moment of each change.
     */
    public static final String RESOURCE = "casework.rest.resource";

    /**
     * Service property (value {@code true}) marking a service as a JAX-RS provider (filter,
     * exception mapper, message body reader/writer) of the Casework API.
     */
    public static final String PROVIDER = "casework.rest.provider";

    /** Where the API is served. */
    public static final String BASE_PATH = "/api/v1";

    /** The media type of error responses (RFC 9457). */
    public static final String PROBLEM_JSON = "application/problem+json";

    /** The cookie that carries a console session. */
    public static final String SESSION_COOKIE = "CASEWORK_SESSION";

    /** The header a console session must echo its CSRF token in, on state-changing requests. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private RestConstants() {
    }
}
