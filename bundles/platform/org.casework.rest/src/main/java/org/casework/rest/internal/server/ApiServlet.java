package org.casework.rest.internal.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.cxf.transport.http.DestinationRegistry;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.apache.cxf.transport.servlet.ServletController;
import org.apache.cxf.transport.servlet.servicelist.ServiceListGeneratorServlet;
import org.casework.rest.api.RestConstants;

/**
 * CXF's servlet for one build of the API (see {@link ApiFrontServlet}), with the headers every API
 * response carries, set before CXF runs so they are present on errors produced anywhere in the
 * stack. Should no JAX-RS server be registered on its bus it answers 503 with a problem document
 * and {@code Retry-After} instead of CXF's HTML "No service was found".
 */
final class ApiServlet extends CXFNonSpringServlet {

    private static final long serialVersionUID = 1L;

    static final String STARTING = "{\"type\":\"urn:casework:problem:unavailable\","
            + "\"title\":\"The service is starting or temporarily unavailable. Please try again "
            + "shortly.\",\"status\":503}";

    @Override
    protected void invoke(HttpServletRequest request, HttpServletResponse response)
            throws ServletException {
        // answers hold personal data: never cache them, and never let a browser guess their type
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        super.invoke(request, response);
    }

    @Override
    protected ServletController createServletController(ServletConfig config) {
        // the same registry CXF's own init uses: the HTTP transport's, found through the bus
        DestinationRegistry registry = getDestinationRegistryFromBusOrDefault(
                config.getInitParameter(TRANSPORT_ID));
        return new Controller(registry, config, new ServiceListGeneratorServlet(registry, getBus()));
    }

    /** Replaces the answer given when no server is registered for the request. */
    private static final class Controller extends ServletController {

        Controller(DestinationRegistry registry, ServletConfig config,
                javax.servlet.http.HttpServlet serviceList) {
            super(registry, config, serviceList);
        }

        @Override
        protected void generateNotFound(HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "1");
            response.setContentType(RestConstants.PROBLEM_JSON);
            response.getOutputStream().write(STARTING.getBytes(StandardCharsets.UTF_8));
        }
    }
}
