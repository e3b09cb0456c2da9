package org.casework.rest.internal.auth;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.casework.core.api.Caller;
import org.casework.core.api.access.Permission;
import org.casework.rest.api.PublicEndpoint;
import org.casework.rest.api.RequiresPermission;
import org.casework.rest.api.RequiresRole;
import org.casework.rest.api.RestConstants;
import org.casework.rest.internal.Problem;
import org.casework.security.api.AuthenticationException;
import org.casework.security.api.AuthenticationService;
import org.casework.security.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides who is calling and whether they may call this endpoint, before the resource method
 * runs. Public endpoints pass. Otherwise the caller is taken from an {@code Authorization: Basic}
 * or {@code Bearer} header, or else from the session cookie, whose state-changing requests must
 * echo the session's CSRF token. Then the must-change-password gate and
 * {@link RequiresRole} apply. With no authentication service present, non-public endpoints
 * answer 503: the API never falls open.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AuthFilter implements ContainerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(AuthFilter.class);

    /** Paths (relative to the API base) a caller who must change the password may still use. */
    private static final Set<String> PASSWORD_CHANGE_PATHS = Set.of("session", "users/me/password");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    static final String BASIC_CHALLENGE = "Basic realm=\"Casework\", charset=\"UTF-8\"";

    private final Supplier<AuthenticationService> authentication;
    private final BasicCredentialCache basicCache;

    @Context
    private ResourceInfo resourceInfo;

    @Context
    private HttpServletRequest servletRequest;

    public AuthFilter(Supplier<AuthenticationService> authentication, BasicCredentialCache basicCache) {
        this.authentication = authentication;
        this.basicCache = basicCache;
    }

    /** For tests: a filter with the matched resource given directly. */
    AuthFilter(Supplier<AuthenticationService> authentication, BasicCredentialCache basicCache,
            ResourceInfo resourceInfo) {
        this(authentication, basicCache);
        this.resourceInfo = resourceInfo;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        Class<?> type = resourceInfo == null ? null : resourceInfo.getResourceClass();
        if (isPublic(method, type)) {
            return;
        }
        AuthenticationService service = authentication.get();
        if (service == null) {
            LOG.debug("No authentication service yet; refusing {}", request.getUriInfo().getPath());
            request.abortWith(Problem.of(503, "unavailable",
                    "Sign-in is not available yet. Please try again shortly.").toResponse());
            return;
        }
        Cookie cookie = request.getCookies().get(RestConstants.SESSION_COOKIE);
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);

        Caller caller;
        String scheme;
        if (authorization != null && !authorization.isBlank()) {
            String value = authorization.strip();
            if (startsWithIgnoreCase(value, "Basic ")) {
                caller = basic(service, value.substring(6).strip()).orElse(null);
                scheme = SecurityContext.BASIC_AUTH;
            } else if (startsWithIgnoreCase(value, "Bearer ")) {
                caller = service.resolve(value.substring(7).strip()).map(Session::caller).orElse(null);
                scheme = CallerSecurityContext.BEARER;
            } else {
                caller = null;
                scheme = null;
            }
            if (caller == null) {
                unauthorized(request, cookie == null, "The credentials were not accepted.");
                return;
            }
        } else if (cookie != null) {
            Optional<Session> session = service.resolve(cookie.getValue());
            if (session.isEmpty()) {
                unauthorized(request, false, "Your session has ended. Please sign in again.");
                return;
            }
            if (!SAFE_METHODS.contains(request.getMethod())
                    && !sameToken(session.get().csrfToken(),
                            request.getHeaderString(RestConstants.CSRF_HEADER))) {
                request.abortWith(Problem.of(403, "csrf",
                        "The request was refused because it did not carry the session's "
                                + "security token. Reload the page and try again.").toResponse());
                return;
            }
            caller = session.get().caller();
            scheme = SecurityContext.FORM_AUTH;
        } else {
            unauthorized(request, true, null);
            return;
        }

        if (caller.passwordChangeRequired() && !PASSWORD_CHANGE_PATHS.contains(
                normalise(request.getUriInfo().getPath()))) {
            request.abortWith(Problem.of(403, "password-change-required",
                    "You must choose a new password before you continue.").toResponse());
            return;
        }
        RequiresRole required = requiredRoles(method, type);
        RequiresPermission permission = requiredPermission(method, type);
        if ((required != null || permission != null)
                && !(required != null && caller.hasAnyRole(Set.of(required.value())))
                && !(permission != null && holdsAny(caller, permission.value()))) {
            request.abortWith(Problem.of(403, "forbidden",
                    "You do not have the role needed for this.").toResponse());
            return;
        }
        boolean secure = request.getSecurityContext() != null
                && request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerSecurityContext(caller, scheme, secure));
    }

    private Optional<Caller> basic(AuthenticationService service, String encoded) {
        Optional<Caller> cached = basicCache.get(encoded);
        if (cached.isPresent()) {
            return cached;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String text = new String(decoded, StandardCharsets.UTF_8);
        Arrays.fill(decoded, (byte) 0);
        int colon = text.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        char[] password = text.substring(colon + 1).toCharArray();
        try {
            Caller caller = service.authenticate(text.substring(0, colon), password, remoteAddress());
            basicCache.put(encoded, caller);
            return Optional.of(caller);
        } catch (AuthenticationException e) {
            LOG.debug("Basic sign-in refused: {}", e.getMessage());
            return Optional.empty();
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private String remoteAddress() {
        try {
            return servletRequest == null ? null : servletRequest.getRemoteAddr();
        } catch (RuntimeException e) {
            // outside a servlet request (tests, local transport) there is no address
            return null;
        }
    }

    private static void unauthorized(ContainerRequestContext request, boolean challenge,
            String detail) {
        Problem problem = Problem.of(401, "unauthorized", "Please sign in.");
        if (detail != null) {
            problem = problem.withDetail(detail);
        }
        var response = problem.toResponseBuilder();
        if (challenge && !"XMLHttpRequest".equalsIgnoreCase(request.getHeaderString("X-Requested-With"))) {
            // Never for the console (a session cookie, or its script's X-Requested-With): the
            // browser would pop up its own sign-in dialog over the console's sign-in page.
            response.header(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
        }
        request.abortWith(response.build());
    }

    static boolean isPublic(Method method, Class<?> type) {
        return (method != null && method.isAnnotationPresent(PublicEndpoint.class))
                || (type != null && type.isAnnotationPresent(PublicEndpoint.class));
    }

    static RequiresPermission requiredPermission(Method method, Class<?> type) {
        if (method != null && method.isAnnotationPresent(RequiresPermission.class)) {
            return method.getAnnotation(RequiresPermission.class);
        }
        if (method != null && method.isAnnotationPresent(RequiresRole.class)) {
            return null;
        }
        return type == null ? null : type.getAnnotation(RequiresPermission.class);
    }

    static boolean holdsAny(Caller caller, String[] permissions) {
        for (String p : permissions) {
            int colon = p.indexOf(':');
            if (colon > 0 && Permission.held(caller, p.substring(0, colon), p.substring(colon + 1))) {
                return true;
            }
        }
        return false;
    }

    static RequiresRole requiredRoles(Method method, Class<?> type) {
        if (method != null && method.isAnnotationPresent(RequiresRole.class)) {
            return method.getAnnotation(RequiresRole.class);
        }
        if (method != null && method.isAnnotationPresent(RequiresPermission.class)) {
            return null;
        }
        return type == null ? null : type.getAnnotation(RequiresRole.class);
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

    private static boolean startsWithIgnoreCase(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static boolean sameToken(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
