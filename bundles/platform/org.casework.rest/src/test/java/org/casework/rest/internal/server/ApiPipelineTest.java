package org.casework.rest.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.bus.CXFBusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.casework.core.api.Caller;
import org.casework.core.api.ValidationException;
import org.casework.core.api.spi.ModuleDescriptor;
import org.casework.rest.api.PATCH;
import org.casework.rest.api.RequiresRole;
import org.casework.rest.api.RestConstants;
import org.casework.rest.api.RestContext;
import org.casework.rest.internal.JsonSupport;
import org.casework.rest.internal.auth.BasicCredentialCache;
import org.casework.rest.internal.resources.HealthResource;
import org.casework.security.api.AuthenticationException;
import org.casework.security.api.AuthenticationService;
import org.casework.security.api.Session;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The API servlet, CXF and every built-in provider over real HTTP, as pax-web runs them but
 * without OSGi: what the unit tests of each piece cannot show is how CXF wires them together.
 */
class ApiPipelineTest {

    record Greeting(String text, Instant at) {
    }

    @Path("test")
    @Produces(MediaType.APPLICATION_JSON)
    public static class TestResource {
        @GET
        @Path("me")
        public Greeting me(@Context SecurityContext sc) {
            return new Greeting(RestContext.caller(sc).username(), Instant.parse("2025-03-01T10:15:30Z"));
        }

        @POST
        @Path("echo")
        @Consumes(MediaType.APPLICATION_JSON)
        public Greeting echo(Greeting in) {
            return in;
        }

        @PATCH
        @Path("echo")
        @Consumes(MediaType.APPLICATION_JSON)
        public Greeting patch(Greeting in) {
            return new Greeting("patched " + in.text(), in.at());
        }

        @GET
        @Path("admin")
        @RequiresRole("admin")
        public Greeting admin() {
            return new Greeting("admin", null);
        }

        @GET
        @Path("count")
        public Greeting count(@QueryParam("n") int n) {
            return new Greeting("n=" + n, null);
        }

        @GET
        @Path("boom")
        public Greeting boom() {
            throw new IllegalStateException("table cw_secret is corrupt");
        }

        @GET
        @Path("invalid")
        public Greeting invalid() {
            throw new ValidationException("name", "required", "Enter a name.");
        }
    }

    private static final Caller STAFF = new Caller("sam", "Sam", Set.of("staff"), Set.of(), false, false);
    private static org.eclipse.jetty.server.Server jetty;
    private static Bus bus;
    private static Bus emptyBus;
    private static Server server;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        AuthenticationService auth = mock(AuthenticationService.class);
        when(auth.authenticate(eq("sam"), any(), any())).thenAnswer(inv -> {
            if (new String((char[]) inv.getArgument(1)).equals("right password")) {
                return STAFF;
            }
            throw new AuthenticationException("The user name or password is wrong.");
        });
        when(auth.resolve(anyString())).thenReturn(Optional.empty());
        when(auth.resolve("browser")).thenReturn(Optional.of(new Session(null, "csrf-1", STAFF,
                Instant.now().plusSeconds(600), Session.Kind.BROWSER)));

        bus = new CXFBusFactory().createBus();
        BusFactory.setThreadDefaultBus(null);
        ApiServlet servlet = new ApiServlet();
        servlet.setBus(bus);

        jetty = new org.eclipse.jetty.server.Server(new java.net.InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder holder = new ServletHolder(servlet);
        holder.setInitParameter("hide-service-list-page", "true");
        context.addServlet(holder, RestConstants.BASE_PATH + "/*");
        // a second API servlet on a bus of its own with no JAX-RS server behind it
        emptyBus = new CXFBusFactory().createBus();
        BusFactory.setThreadDefaultBus(null);
        ApiServlet empty = new ApiServlet();
        empty.setBus(emptyBus);
        context.addServlet(new ServletHolder(empty), "/empty/*");
        jetty.setHandler(context);
        jetty.start();
        base = "http://127.0.0.1:" + ((org.eclipse.jetty.server.ServerConnector) jetty.getConnectors()[0])
                .getLocalPort() + RestConstants.BASE_PATH;

        ModuleDescriptor b = module("congress");
        ModuleDescriptor a = module("complaints");
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress("/");
        factory.setServiceBeans(List.of(new TestResource(), newHealth(List.of(b, a))));
        factory.setProviders(ApiServer.providers(JsonSupport.newMapper(), () -> auth,
                new BasicCredentialCache(Clock.systemUTC(), Duration.ofSeconds(60)), List.of()));
        server = factory.create();
    }

    private static HealthResource newHealth(List<ModuleDescriptor> modules) throws Exception {
        var constructor = HealthResource.class.getDeclaredConstructor(List.class,
                org.casework.core.api.CaseService.class, AuthenticationService.class);
        constructor.setAccessible(true);
        return constructor.newInstance(modules, org.mockito.Mockito.mock(org.casework.core.api.CaseService.class),
                org.mockito.Mockito.mock(AuthenticationService.class));
    }

    private static ModuleDescriptor module(String key) {
        return new ModuleDescriptor() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public String name() {
                return key;
            }
        };
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
        }
        if (jetty != null) {
            jetty.stop();
        }
        if (bus != null) {
            bus.shutdown(true);
        }
        if (emptyBus != null) {
            emptyBus.shutdown(true);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).GET();
    }

    private static HttpRequest.Builder json(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    private static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("sam:" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(RestConstants.PROBLEM_JSON,
                response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonNode body = JSON.readTree(response.body());
        assertEquals(status, body.get("status").asInt());
        return body;
    }

    @Test
    void healthIsPublicSortedAndNotCached() throws Exception {
        HttpResponse<String> r = send(get("/health"));
        assertEquals(200, r.statusCode());
        assertEquals("{\"status\":\"UP\",\"modules\":[\"complaints\",\"congress\"]}", r.body());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
    }

    @Test
    void withoutAServerTheAnswerIs503ProblemToRetry() throws Exception {
        String root = base.substring(0, base.length() - RestConstants.BASE_PATH.length());
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(root + "/empty/health")).GET());
        assertEquals("urn:casework:problem:unavailable", problem(r, 503).get("type").asText());
        assertEquals("1", r.headers().firstValue("Retry-After").orElse(null));
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
    }

    @Test
    void unknownPathIs404Problem() throws Exception {
        HttpResponse<String> r = send(get("/no/such/thing"));
        assertEquals("urn:casework:problem:not-found", problem(r, 404).get("type").asText());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
    }

    @Test
    void wrongMethodIs405Problem() throws Exception {
        HttpResponse<String> r = send(json("DELETE", "/health", ""));
        problem(r, 405);
    }

    @Test
    void noCredentialsIs401WithChallenge() throws Exception {
        HttpResponse<String> r = send(get("/test/me"));
        problem(r, 401);
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm=\"Casework\""));
    }

    @Test
    void basicSignInReachesTheResourceWithTheCaller() throws Exception {
        HttpResponse<String> r = send(get("/test/me").header("Authorization", basic("right password")));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("{\"text\":\"sam\",\"at\":\"2025-03-01T10:15:30Z\"}", r.body());
        problem(send(get("/test/me").header("Authorization", basic("wrong"))), 401);
    }

    @Test
    void roleIsEnforced() throws Exception {
        HttpResponse<String> r = send(get("/test/admin").header("Authorization", basic("right password")));
        assertEquals("urn:casework:problem:forbidden", problem(r, 403).get("type").asText());
    }

    @Test
    void cookieWritesNeedCsrfHeader() throws Exception {
        String body = "{\"text\":\"hi\"}";
        HttpResponse<String> without = send(json("POST", "/test/echo", body)
                .header("Cookie", RestConstants.SESSION_COOKIE + "=browser"));
        assertEquals("urn:casework:problem:csrf", problem(without, 403).get("type").asText());
        HttpResponse<String> with = send(json("POST", "/test/echo", body)
                .header("Cookie", RestConstants.SESSION_COOKIE + "=browser")
                .header(RestConstants.CSRF_HEADER, "csrf-1"));
        assertEquals(200, with.statusCode(), with.body());
        HttpResponse<String> expired = send(get("/test/me")
                .header("Cookie", RestConstants.SESSION_COOKIE + "=gone"));
        problem(expired, 401);
        assertFalse(expired.headers().firstValue("WWW-Authenticate").isPresent());
    }

    @Test
    void patchIsAnHttpMethod() throws Exception {
        HttpResponse<String> r = send(json("PATCH", "/test/echo", "{\"text\":\"x\"}")
                .header("Authorization", basic("right password")));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("patched x", JSON.readTree(r.body()).get("text").asText());
    }

    @Test
    void badBodiesAre400Problems() throws Exception {
        String auth = basic("right password");
        JsonNode malformed = problem(send(json("POST", "/test/echo", "{\"text\": ")
                .header("Authorization", auth)), 400);
        assertEquals("urn:casework:problem:malformed-json", malformed.get("type").asText());

        JsonNode unknown = problem(send(json("POST", "/test/echo", "{\"txt\":\"a\"}")
                .header("Authorization", auth)), 400);
        assertEquals("txt", unknown.get("errors").get(0).get("field").asText());
        assertEquals("unknown", unknown.get("errors").get(0).get("rule").asText());

        JsonNode type = problem(send(json("POST", "/test/echo", "{\"at\":\"tomorrow\"}")
                .header("Authorization", auth)), 400);
        assertEquals("at", type.get("errors").get(0).get("field").asText());
        assertEquals("type", type.get("errors").get(0).get("rule").asText());

        JsonNode empty = problem(send(json("POST", "/test/echo", "").header("Authorization", auth)), 400);
        assertEquals("required", empty.get("errors").get(0).get("rule").asText());
        problem(send(json("POST", "/test/echo", "null").header("Authorization", auth)), 400);
        problem(send(json("POST", "/test/echo", "[]").header("Authorization", auth)), 400);

        problem(send(HttpRequest.newBuilder(URI.create(base + "/test/echo"))
                .header("Content-Type", "text/plain").header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.ofString("hello"))), 415);

        problem(send(get("/test/count?n=abc").header("Authorization", auth)), 400);
    }

    @Test
    void serviceErrorsKeepTheirStatus() throws Exception {
        JsonNode invalid = problem(send(get("/test/invalid")
                .header("Authorization", basic("right password"))), 400);
        assertEquals("name", invalid.get("errors").get(0).get("field").asText());
    }

    @Test
    void unexpectedErrorsAre500WithoutInternals() throws Exception {
        HttpResponse<String> r = send(get("/test/boom").header("Authorization", basic("right password")));
        JsonNode body = problem(r, 500);
        assertFalse(r.body().contains("cw_secret"));
        assertFalse(r.body().contains("IllegalState"));
        assertNull(body.get("errors"));
    }
}
