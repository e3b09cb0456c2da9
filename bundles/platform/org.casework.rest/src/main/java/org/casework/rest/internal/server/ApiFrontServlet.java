package org.casework.rest.internal.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.casework.rest.api.RestConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servlet registered at {@code /api/v1/*}. It hands each request to the current
 * {@link Generation} of the API (a CXF bus, servlet and JAX-RS server built for the resources
 * registered at the time). A new generation is built beside the old one and swapped in at once;
 * the old one is closed when its last request finishes. So installing or removing a module never
 * makes the rest of the API unavailable, not even for a moment.
 */
final class ApiFrontServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiFrontServlet.class);

    private final transient Consumer<ServletConfig> onInit;
    private final transient AtomicReference<Generation> current = new AtomicReference<>();

    /** @param onInit called once the container has initialised the servlet, with its config */
    ApiFrontServlet(Consumer<ServletConfig> onInit) {
        this.onInit = onInit;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        onInit.accept(config);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Generation g = acquire();
        if (g == null) {
            // only before the first generation exists, i.e. while the platform boots
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "1");
            response.setContentType(RestConstants.PROBLEM_JSON);
            response.getOutputStream().write(ApiServlet.STARTING.getBytes(StandardCharsets.UTF_8));
            return;
        }
        try {
            g.servlet.service(request, response);
        } finally {
            g.release();
        }
    }

    /** Makes {@code next} serve all new requests; the previous generation closes when idle. */
    void swap(Generation next) {
        Generation old = current.getAndSet(next);
        if (old != null) {
            old.retire();
        }
    }

    private Generation acquire() {
        while (true) {
            Generation g = current.get();
            if (g == null || g.acquire()) {
                return g;
            }
        }
    }

    /** One build of the API; closed once retired and idle. */
    static final class Generation {
        private final Bus bus;
        private final ApiServlet servlet;
        private final Server server;
        private final AtomicInteger inflight = new AtomicInteger();
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile boolean retired;

        Generation(Bus bus, ApiServlet servlet, Server server) {
            this.bus = bus;
            this.servlet = servlet;
            this.server = server;
        }

        private boolean acquire() {
            inflight.incrementAndGet();
            if (closed.get()) {
                inflight.decrementAndGet();
                return false;
            }
            return true;
        }

        private void release() {
            if (inflight.decrementAndGet() == 0 && retired) {
                close();
            }
        }

        private void retire() {
            retired = true;
            if (inflight.get() == 0) {
                close();
            }
        }

        void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            try {
                server.destroy();
                servlet.destroy();
            } catch (RuntimeException e) {
                LOG.warn("Closing a previous build of the REST API failed", e);
            } finally {
                bus.shutdown(true);
            }
        }
    }
}
