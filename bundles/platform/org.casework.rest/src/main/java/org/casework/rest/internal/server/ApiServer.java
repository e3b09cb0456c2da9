package org.casework.rest.internal.server;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.servlet.Servlet;
import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.ws.rs.Path;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.bus.CXFBusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.DestinationFactoryManager;
import org.apache.cxf.transport.http.DestinationRegistryImpl;
import org.apache.cxf.transport.http.HTTPTransportFactory;
import org.casework.core.api.spi.CaseType;
import org.casework.rest.api.RestConstants;
import org.casework.rest.internal.JsonSupport;
import org.casework.rest.internal.auth.AuthFilter;
import org.casework.rest.internal.auth.BasicCredentialCache;
import org.casework.rest.internal.errors.CaseworkExceptionMapper;
import org.casework.rest.internal.errors.FallbackExceptionMapper;
import org.casework.rest.internal.errors.JsonExceptionMapper;
import org.casework.rest.internal.errors.WebApplicationExceptionMapper;
import org.casework.rest.internal.resources.OpenApiResource;
import org.casework.security.api.AuthenticationService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Owns the API: a CXF bus, the servlet at {@code /api/v1/*} (registered with the HTTP Whiteboard)
 * and the JAX-RS server behind it. It follows every service marked
 * {@link RestConstants#RESOURCE} or {@link RestConstants#PROVIDER}, whatever its interface, and
 * rebuilds the server on each change, so resources come and go with their bundles.
 *
 * <p>The services are followed with a {@link ServiceTracker} filtered on those properties rather
 * than a DS reference: a DS 1.4 reference must name one service interface, and resources are
 * registered under their own classes (the DS 1.5 {@code AnyService} type is not available to us).
 * The tracker is dynamic, multiple and greedy in the same way.
 */
@Component(service = {}, immediate = true)
public final class ApiServer {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final String FILTER = "(|(" + RestConstants.RESOURCE + "=true)("
            + RestConstants.PROVIDER + "=true))";
    private static final Duration BASIC_CACHE_TTL = Duration.ofSeconds(60);

    private final BasicCredentialCache basicCache =
            new BasicCredentialCache(Clock.systemUTC(), BASIC_CACHE_TTL);
    private final ObjectMapper mapper = JsonSupport.newMapper();
    private volatile AuthenticationService authentication;
    private final List<CaseType> caseTypes = new CopyOnWriteArrayList<>();
    private final OpenApiResource openApi = new OpenApiResource(this::resourceClasses,
            () -> caseTypes.stream().map(CaseType::definition).toList());

    /** Guarded by this: tracked services in service-ranking order. */
    private final Map<ServiceReference<?>, Object> resources = new TreeMap<>();
    private final Map<ServiceReference<?>, Object> providers = new TreeMap<>();
    private ApiFrontServlet front;
    private ServletConfig servletConfig;
    private ServiceRegistration<Servlet> servletRegistration;
    private ServiceTracker<Object, Object> tracker;
    private boolean closing;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setAuthentication(AuthenticationService service) {
        authentication = service;
        basicCache.clear();
    }

    void unsetAuthentication(AuthenticationService service) {
        if (authentication == service) {
            authentication = null;
        }
        basicCache.clear();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeCaseType")
    void addCaseType(CaseType type) {
        caseTypes.add(type);
    }

    void removeCaseType(CaseType type) {
        caseTypes.remove(type);
    }

    @Activate
    void activate(BundleContext context) throws InvalidSyntaxException {
        front = new ApiFrontServlet(config -> {
            synchronized (this) {
                servletConfig = config;
                rebuild();
            }
        });
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN,
                RestConstants.BASE_PATH + "/*");
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "casework-api");
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_INIT_PARAM_PREFIX
                + "hide-service-list-page", "true");
        servletRegistration = context.registerService(Servlet.class, front, props);

        Filter filter = context.createFilter(FILTER);
        tracker = new ServiceTracker<>(context, filter, new Customizer(context));
        tracker.open(true);
        rebuild();
        LOG.info("REST API served at {}", RestConstants.BASE_PATH);
    }

    @Deactivate
    void deactivate() {
        synchronized (this) {
            // no rebuilds while the tracker hands back its services
            closing = true;
        }
        if (tracker != null) {
            tracker.close();
        }
        if (servletRegistration != null) {
            try {
                servletRegistration.unregister();
            } catch (IllegalStateException e) {
                LOG.debug("API servlet already unregistered", e);
            }
        }
        synchronized (this) {
            front.swap(null);
            resources.clear();
            providers.clear();
        }
        basicCache.clear();
    }

    /** The classes of the root resources served now, the built-in ones included. */
    synchronized List<Class<?>> resourceClasses() {
        List<Class<?>> classes = new ArrayList<>();
        classes.add(OpenApiResource.class);
        for (Object resource : resources.values()) {
            classes.add(resource.getClass());
        }
        return classes;
    }

    /**
     * Builds a new generation of the API beside the one serving and swaps it in. Until the
     * container has initialised the servlet there is nothing to build on; its init triggers the
     * first build.
     */
    private synchronized void rebuild() {
        if (servletConfig == null || closing) {
            return;
        }
        // highest ranking first; TreeMap orders ServiceReferences lowest first
        List<Object> beans = new ArrayList<>(resources.values());
        java.util.Collections.reverse(beans);
        beans.add(openApi);
        List<Object> extraProviders = new ArrayList<>(providers.values());
        java.util.Collections.reverse(extraProviders);

        Bus bus = withCxfClassLoader(() -> {
            Bus created = new CXFBusFactory().createBus();
            // our bus is private: do not leave it as this thread's default
            BusFactory.setThreadDefaultBus(null);
            return created;
        });
        try {
            // CXF's HTTP transport shares one registry of endpoints between all buses in OSGi;
            // each build gets a registry of its own so it can stand beside the one serving.
            HTTPTransportFactory transport = new HTTPTransportFactory(new DestinationRegistryImpl());
            DestinationFactoryManager destinations = bus.getExtension(DestinationFactoryManager.class);
            for (String namespace : HTTPTransportFactory.DEFAULT_NAMESPACES) {
                destinations.registerDestinationFactory(namespace, transport);
            }
            ApiServlet servlet = new ApiServlet();
            servlet.setBus(bus);
            servlet.init(servletConfig);
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(bus);
            factory.setAddress("/");
            factory.setServiceBeans(beans);
            factory.setProviders(builtInProviders(extraProviders));
            Server server = withCxfClassLoader(factory::create);
            front.swap(new ApiFrontServlet.Generation(bus, servlet, server));
            LOG.debug("REST API rebuilt with {} resources and {} extra providers", beans.size(),
                    extraProviders.size());
        } catch (ServletException | RuntimeException e) {
            bus.shutdown(true);
            LOG.error("The REST API could not be built from {} resources; the previous build keeps "
                    + "serving until the next change", beans.size(), e);
        }
    }

    private List<Object> builtInProviders(List<Object> extra) {
        return providers(mapper, () -> authentication, basicCache, extra);
    }

    /**
     * The providers of the API in the order CXF should prefer them: JSON, authentication, error
     * mappers, then those contributed by other bundles.
     */
    public static List<Object> providers(ObjectMapper mapper,
            java.util.function.Supplier<AuthenticationService> authentication,
            BasicCredentialCache basicCache, List<Object> extra) {
        CaseworkExceptionMapper casework = new CaseworkExceptionMapper();
        JsonExceptionMapper json = new JsonExceptionMapper();
        WebApplicationExceptionMapper web = new WebApplicationExceptionMapper();
        List<Object> list = new ArrayList<>();
        list.add(JsonSupport.newProvider(mapper));
        list.add(new AuthFilter(authentication, basicCache));
        list.add(casework);
        list.add(json);
        list.add(web);
        list.add(new FallbackExceptionMapper(casework, json, web));
        list.addAll(extra);
        return list;
    }

    private static <T> T withCxfClassLoader(java.util.function.Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // CXF looks up some defaults through the context class loader: give it its own
        thread.setContextClassLoader(JAXRSServerFactoryBean.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static boolean isRootResource(Object service) {
        for (Class<?> c = service.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Path.class)) {
                return true;
            }
            for (Class<?> i : c.getInterfaces()) {
                if (i.isAnnotationPresent(Path.class)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Adds and removes tracked services, rebuilding the server after each change. */
    private final class Customizer implements ServiceTrackerCustomizer<Object, Object> {
        private final BundleContext context;

        Customizer(BundleContext context) {
            this.context = context;
        }

        @Override
        public Object addingService(ServiceReference<Object> reference) {
            Object service = context.getService(reference);
            if (service == null) {
                return null;
            }
            boolean resource = isTrue(reference.getProperty(RestConstants.RESOURCE));
            if (resource && !isRootResource(service)) {
                LOG.error("Service {} of bundle {} is marked as a REST resource but its class {} "
                        + "has no @Path; ignored", reference.getProperty("service.id"),
                        reference.getBundle().getSymbolicName(), service.getClass().getName());
                context.ungetService(reference);
                return null;
            }
            synchronized (ApiServer.this) {
                (resource ? resources : providers).put(reference, service);
                rebuild();
            }
            return service;
        }

        @Override
        public void modifiedService(ServiceReference<Object> reference, Object service) {
            synchronized (ApiServer.this) {
                resources.remove(reference);
                providers.remove(reference);
                (isTrue(reference.getProperty(RestConstants.RESOURCE)) ? resources : providers)
                        .put(reference, service);
                rebuild();
            }
        }

        @Override
        public void removedService(ServiceReference<Object> reference, Object service) {
            synchronized (ApiServer.this) {
                resources.remove(reference);
                providers.remove(reference);
                rebuild();
            }
            try {
                context.ungetService(reference);
            } catch (IllegalStateException e) {
                LOG.debug("Context gone while releasing a REST service", e);
            }
        }

        private boolean isTrue(Object value) {
            return value != null && Boolean.parseBoolean(String.valueOf(value));
        }
    }
}
