package org.casework.litigation.impl.internal;

import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * A service a component obtains on first use instead of at activation. The case listeners need
 * the case service, and the case service binds the case listeners while it activates: obtaining
 * it at the listeners' activation closes that circle, which Felix SCR breaks by failing whichever
 * component it reaches last (and with it the litigation service and its REST resource, for good).
 * Obtained later, when a case is saved, the case service is already active. The component calls
 * {@link #close()} when it is deactivated.
 */
final class LazyService<T> implements Supplier<T>, AutoCloseable {

    private final BundleContext context;
    private final ServiceReference<T> reference;
    private T service;

    LazyService(BundleContext context, ServiceReference<T> reference) {
        this.context = context;
        this.reference = reference;
    }

    @Override
    public synchronized T get() {
        if (service == null) {
            service = context.getService(reference);
            if (service == null) {
                throw new IllegalStateException("Service " + reference + " is no longer available");
            }
        }
        return service;
    }

    /** Releases the service if it was obtained. */
    @Override
    public synchronized void close() {
        if (service != null) {
            service = null;
            context.ungetService(reference);
        }
    }
}
