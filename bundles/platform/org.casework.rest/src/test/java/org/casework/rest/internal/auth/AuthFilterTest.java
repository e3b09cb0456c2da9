package org.casework.rest.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.casework.core.api.Caller;
import org.casework.rest.api.PublicEndpoint;
import org.casework.rest.api.RequiresRole;
import org.casework.rest.api.RestConstants;
import org.casework.rest.internal.Problem;
import org.casework.security.api.AuthenticationException;
import org.casework.security.api.AuthenticationService;
import org.casework.security.api.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;

class AuthFilterTest {

    /** Endpoints of each access kind. */
    static class Sample {
        @GET @PublicEndpoint public void open() { }
        @GET public void signedIn() { }
        @POST public void change() { }
        @GET @RequiresRole("auditor") public void audit() { }
    }

    @RequiresRole("admin")
    static class AdminOnly {
        @GET public void list() { }
        @GET @RequiresRole("staff") public void staffToo() { }
    }

    enum Creds { NONE, BASIC_OK, BASIC_BAD, BEARER_OK, BEARER_BAD, COOKIE_CSRF, COOKIE_NO_CSRF,
        COOKIE_WRONG_CSRF, COOKIE_EXPIRED, OTHER_SCHEME }

    private static final String PASSWORD = "correct horse battery";
    private static final Caller STAFF = new Caller("sam", "Sam", Set.of("staff"), Set.of(), false, false);
    private static final Caller ADMIN = new Caller("ada", "Ada", Set.of("admin"), Set.of(), false, false);
    private static final Caller MUST_CHANGE = new Caller("new", "New", Set.of("staff"), Set.of(),
            false, true);

    private AuthenticationService auth;
    private Caller who;

    @BeforeEach
    void setUp() throws Exception {
        auth = mock(AuthenticationService.class);
        who = STAFF;
        when(auth.authenticate(eq("sam"), any(), any())).thenAnswer(inv -> {
            if (new String((char[]) inv.getArgument(1)).equals(PASSWORD)) {
                return who;
            }
            throw new AuthenticationException("The user name or password is wrong.");
        });
        when(auth.resolve(anyString())).thenReturn(Optional.empty());
        when(auth.resolve("api-token")).thenAnswer(inv -> Optional.of(
                new Session(null, null, who, Instant.now().plusSeconds(60), Session.Kind.API)));
        when(auth.resolve("browser-token")).thenAnswer(inv -> Optional.of(
                new Session(null, "csrf-123", who, Instant.now().plusSeconds(60),
                        Session.Kind.BROWSER)));
    }

    private AuthFilter filter(Class<?> type, String methodName) throws Exception {
        Method method = type.getMethod(methodName);
        ResourceInfo info = mock(ResourceInfo.class);
        when(info.getResourceMethod()).thenReturn(method);
        when(info.getResourceClass()).thenAnswer(inv -> type);
        return new AuthFilter(() -> auth, new BasicCredentialCache(Clock.systemUTC(),
                Duration.ofSeconds(60)), info);
    }

    private static ContainerRequestContext request(String httpMethod, String path, Creds creds) {
        ContainerRequestContext req = mock(ContainerRequestContext.class);
        when(req.getMethod()).thenReturn(httpMethod);
        UriInfo uri = mock(UriInfo.class);
        when(uri.getPath()).thenReturn(path);
        when(req.getUriInfo()).thenReturn(uri);
        SecurityContext insecure = mock(SecurityContext.class);
        when(req.getSecurityContext()).thenReturn(insecure);
        Map<String, Cookie> cookies = new HashMap<>();
        switch (creds) {
            case BASIC_OK -> when(req.getHeaderString("Authorization")).thenReturn(basic(PASSWORD));
            case BASIC_BAD -> when(req.getHeaderString("Authorization")).thenReturn(basic("nope"));
            case BEARER_OK -> when(req.getHeaderString("Authorization")).thenReturn("Bearer api-token");
            case BEARER_BAD -> when(req.getHeaderString("Authorization")).thenReturn("Bearer forged");
            case OTHER_SCHEME -> when(req.getHeaderString("Authorization")).thenReturn("Digest x=1");
            case COOKIE_CSRF -> {
                cookies.put(RestConstants.SESSION_COOKIE,
                        new Cookie(RestConstants.SESSION_COOKIE, "browser-token"));
                when(req.getHeaderString(RestConstants.CSRF_HEADER)).thenReturn("csrf-123");
            }
            case COOKIE_NO_CSRF -> cookies.put(RestConstants.SESSION_COOKIE,
                    new Cookie(RestConstants.SESSION_COOKIE, "browser-token"));
            case COOKIE_WRONG_CSRF -> {
                cookies.put(RestConstants.SESSION_COOKIE,
                        new Cookie(RestConstants.SESSION_COOKIE, "browser-token"));
                when(req.getHeaderString(RestConstants.CSRF_HEADER)).thenReturn("csrf-999");
            }
            case COOKIE_EXPIRED -> cookies.put(RestConstants.SESSION_COOKIE,
                    new Cookie(RestConstants.SESSION_COOKIE, "old-token"));
            case NONE -> { }
        }
        when(req.getCookies()).thenReturn(cookies);
        return req;
    }

    private static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("sam:" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The status the filter answers with, or 0 when it lets the request through. */
    private static int outcome(ContainerRequestContext req) {
        ArgumentCaptor<Response> aborted = ArgumentCaptor.forClass(Response.class);
        try {
            verify(req).abortWith(aborted.capture());
        } catch (AssertionError notAborted) {
            return 0;
        }
        return aborted.getValue().getStatus();
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // endpoint, http method, credentials, expected (0 = passes)
                Arguments.of("open", "GET", Creds.NONE, 0),
                Arguments.of("open", "GET", Creds.BASIC_BAD, 0),
                Arguments.of("open", "GET", Creds.COOKIE_EXPIRED, 0),
                Arguments.of("signedIn", "GET", Creds.NONE, 401),
                Arguments.of("signedIn", "GET", Creds.BASIC_OK, 0),
                Arguments.of("signedIn", "GET", Creds.BASIC_BAD, 401),
                Arguments.of("signedIn", "GET", Creds.BEARER_OK, 0),
                Arguments.of("signedIn", "GET", Creds.BEARER_BAD, 401),
                Arguments.of("signedIn", "GET", Creds.OTHER_SCHEME, 401),
                Arguments.of("signedIn", "GET", Creds.COOKIE_NO_CSRF, 0),
                Arguments.of("signedIn", "GET", Creds.COOKIE_CSRF, 0),
                Arguments.of("signedIn", "GET", Creds.COOKIE_EXPIRED, 401),
                Arguments.of("change", "POST", Creds.COOKIE_CSRF, 0),
                Arguments.of("change", "POST", Creds.COOKIE_NO_CSRF, 403),
                Arguments.of("change", "POST", Creds.COOKIE_WRONG_CSRF, 403),
                Arguments.of("change", "POST", Creds.BASIC_OK, 0),
                Arguments.of("change", "POST", Creds.BEARER_OK, 0),
                Arguments.of("change", "POST", Creds.NONE, 401),
                Arguments.of("audit", "GET", Creds.NONE, 401),
                Arguments.of("audit", "GET", Creds.BASIC_OK, 403),
                Arguments.of("audit", "GET", Creds.BEARER_OK, 403),
                Arguments.of("audit", "GET", Creds.COOKIE_CSRF, 403));
    }

    @ParameterizedTest(name = "{0} {1} with {2} -> {3}")
    @MethodSource("table")
    void decisions(String endpoint, String httpMethod, Creds creds, int expected) throws Exception {
        ContainerRequestContext req = request(httpMethod, "sample", creds);
        filter(Sample.class, endpoint).filter(req);
        assertEquals(expected, outcome(req));
        if (expected == 0 && !endpoint.equals("open")) {
            ArgumentCaptor<SecurityContext> ctx = ArgumentCaptor.forClass(SecurityContext.class);
            verify(req).setSecurityContext(ctx.capture());
            assertSame(STAFF, ctx.getValue().getUserPrincipal());
        }
    }

    @Test
    void challengeOnlyWithoutCookie() throws Exception {
        ContainerRequestContext req = request("GET", "sample", Creds.NONE);
        filter(Sample.class, "signedIn").filter(req);
        ArgumentCaptor<Response> r = ArgumentCaptor.forClass(Response.class);
        verify(req).abortWith(r.capture());
        assertEquals(AuthFilter.BASIC_CHALLENGE, r.getValue().getHeaderString("WWW-Authenticate"));
        assertEquals(RestConstants.PROBLEM_JSON, r.getValue().getMediaType().toString());
        assertEquals("urn:casework:problem:unauthorized",
                ((Problem) r.getValue().getEntity()).type());

        ContainerRequestContext withCookie = request("GET", "sample", Creds.COOKIE_EXPIRED);
        filter(Sample.class, "signedIn").filter(withCookie);
        verify(withCookie).abortWith(r.capture());
        assertEquals(401, r.getValue().getStatus());
        assertNull(r.getValue().getHeaderString("WWW-Authenticate"));

        ContainerRequestContext fromConsole = request("GET", "sample", Creds.NONE);
        when(fromConsole.getHeaderString("X-Requested-With")).thenReturn("XMLHttpRequest");
        filter(Sample.class, "signedIn").filter(fromConsole);
        ArgumentCaptor<Response> console = ArgumentCaptor.forClass(Response.class);
        verify(fromConsole).abortWith(console.capture());
        assertEquals(401, console.getValue().getStatus());
        assertNull(console.getValue().getHeaderString("WWW-Authenticate"));
    }

    @Test
    void csrfRefusalIsProblemTypeCsrf() throws Exception {
        ContainerRequestContext req = request("DELETE", "sample", Creds.COOKIE_NO_CSRF);
        filter(Sample.class, "change").filter(req);
        ArgumentCaptor<Response> r = ArgumentCaptor.forClass(Response.class);
        verify(req).abortWith(r.capture());
        assertEquals("urn:casework:problem:csrf", ((Problem) r.getValue().getEntity()).type());
    }

    @Test
    void classRoleAppliesAndMethodRoleReplacesIt() throws Exception {
        ContainerRequestContext staffOnList = request("GET", "users", Creds.BEARER_OK);
        filter(AdminOnly.class, "list").filter(staffOnList);
        assertEquals(403, outcome(staffOnList));

        ContainerRequestContext staffOnStaffToo = request("GET", "users", Creds.BEARER_OK);
        filter(AdminOnly.class, "staffToo").filter(staffOnStaffToo);
        assertEquals(0, outcome(staffOnStaffToo));

        who = ADMIN;
        ContainerRequestContext adminOnList = request("GET", "users", Creds.BEARER_OK);
        filter(AdminOnly.class, "list").filter(adminOnList);
        assertEquals(0, outcome(adminOnList));
    }

    @Test
    void passwordChangeGateAllowsOnlySessionAndPasswordPaths() throws Exception {
        who = MUST_CHANGE;
        for (String path : new String[] {"session", "/session", "users/me/password"}) {
            ContainerRequestContext ok = request("GET", path, Creds.BEARER_OK);
            filter(Sample.class, "signedIn").filter(ok);
            assertEquals(0, outcome(ok), path);
        }
        ContainerRequestContext blocked = request("GET", "cases", Creds.BEARER_OK);
        filter(Sample.class, "signedIn").filter(blocked);
        ArgumentCaptor<Response> r = ArgumentCaptor.forClass(Response.class);
        verify(blocked).abortWith(r.capture());
        assertEquals(403, r.getValue().getStatus());
        assertEquals("urn:casework:problem:password-change-required",
                ((Problem) r.getValue().getEntity()).type());
    }

    @Test
    void basicCredentialsAreCheckedOnceThenCached() throws Exception {
        BasicCredentialCache cache = new BasicCredentialCache(Clock.systemUTC(), Duration.ofSeconds(60));
        ResourceInfo info = mock(ResourceInfo.class);
        when(info.getResourceMethod()).thenReturn(Sample.class.getMethod("signedIn"));
        when(info.getResourceClass()).thenAnswer(inv -> Sample.class);
        AuthFilter f = new AuthFilter(() -> auth, cache, info);
        for (int i = 0; i < 3; i++) {
            ContainerRequestContext req = request("GET", "sample", Creds.BASIC_OK);
            f.filter(req);
            assertEquals(0, outcome(req));
        }
        verify(auth, times(1)).authenticate(eq("sam"), any(), any());
        // a wrong password is never cached: each attempt is checked
        f.filter(request("GET", "sample", Creds.BASIC_BAD));
        f.filter(request("GET", "sample", Creds.BASIC_BAD));
        verify(auth, times(3)).authenticate(eq("sam"), any(), any());
    }

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void cacheEntriesExpire() {
        ManualClock clock = new ManualClock();
        BasicCredentialCache cache = new BasicCredentialCache(clock, Duration.ofSeconds(60));
        cache.put("abc", STAFF);
        assertEquals(Optional.of(STAFF), cache.get("abc"));
        assertEquals(Optional.empty(), cache.get("abd"));
        clock.now = clock.now.plusSeconds(59);
        assertEquals(Optional.of(STAFF), cache.get("abc"));
        clock.now = clock.now.plusSeconds(2);
        assertEquals(Optional.empty(), cache.get("abc"));
    }

    @Test
    void noAuthenticationServiceMeans503NotOpen() throws Exception {
        ResourceInfo info = mock(ResourceInfo.class);
        when(info.getResourceMethod()).thenReturn(Sample.class.getMethod("signedIn"));
        when(info.getResourceClass()).thenAnswer(inv -> Sample.class);
        AuthFilter f = new AuthFilter(() -> null, new BasicCredentialCache(Clock.systemUTC(),
                Duration.ofSeconds(60)), info);
        ContainerRequestContext req = request("GET", "sample", Creds.BASIC_OK);
        f.filter(req);
        assertEquals(503, outcome(req));
        verify(req, never()).setSecurityContext(any());
    }
}
