package org.casework.itests.support;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Callable;
import javax.inject.Inject;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Base class of the Casework Pax Exam tests: boots the distribution (see {@link CaseworkOptions}),
 * and gives the test, running inside the container, HTTP access and a wait-until helper.
 * Subclasses run with {@code @RunWith(PaxExam.class)} and {@code @ExamReactorStrategy(PerClass.class)},
 * and may declare their own {@code @Configuration} to add options to {@link #baseOptions()}.
 */
public abstract class CaseworkTestSupport {

    /** How long the platform may take to answer after the container is up. */
    public static final Duration BOOT_TIMEOUT = Duration.ofSeconds(120);

    @Inject
    protected BundleContext bundleContext;

    /** The options of every Casework container. */
    public static Option[] baseOptions() {
        return new Option[] {CaseworkOptions.distribution()};
    }

    @Configuration
    public Option[] config() {
        return baseOptions();
    }

    /**
     * The probe imports whatever the container exports (Jackson from casework-cxf, the Casework
     * APIs), so tests need not list packages.
     */
    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        probe.setHeader(Constants.DYNAMICIMPORT_PACKAGE, "*");
        return probe;
    }

    /** An anonymous client for this container's HTTP port. */
    protected CaseworkHttp http() {
        return CaseworkHttp.localhost(Integer.getInteger(CaseworkOptions.HTTP_PORT));
    }

    /** A client that authenticates as the first administrator. */
    protected CaseworkHttp admin() {
        return http().as(CaseworkOptions.ADMIN_USER, adminPassword());
    }

    /** The first administrator's password given to this container. */
    protected static String adminPassword() {
        return System.getProperty(CaseworkOptions.ADMIN_PASSWORD);
    }

    /**
     * Waits until GET /api/v1/health answers 200 with status UP and the platform's user and role
     * resources are served, and returns the health answer.
     */
    protected HttpResult awaitHealthy() {
        HttpResult health = Wait.forValue("GET /api/v1/health = 200 UP", BOOT_TIMEOUT,
                () -> http().get("/api/v1/health"), r -> r.status() == 200 && "UP".equals(r.json().path("status").asText()));
        // Each REST resource registers when its component activates, so health can answer before
        // the users resource does (seen: POST /api/v1/users answering 404 just after boot).
        Wait.until("the user and role resources", BOOT_TIMEOUT, () -> admin().get("/api/v1/users").status() != 404
                && admin().get("/api/v1/roles").status() != 404);
        return health;
    }

    /** Polls {@code condition} until it holds or {@code timeout} passes. */
    protected static void waitUntil(String what, Duration timeout, Callable<Boolean> condition) {
        Wait.until(what, timeout, condition);
    }

    /** The services of {@code type} matching {@code filter} (may be {@code null}). */
    protected <S> Collection<ServiceReference<S>> services(Class<S> type, String filter) {
        try {
            return bundleContext.getServiceReferences(type, filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
    }
}
