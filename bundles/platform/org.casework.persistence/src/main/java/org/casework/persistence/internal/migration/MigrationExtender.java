package org.casework.persistence.internal.migration;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.sql.SQLException;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.casework.persistence.api.MigratedSchema;
import org.casework.persistence.api.Migrations;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migration extender: applies the scripts of every started bundle that carries the
 * {@value Migrations#HEADER} header to the Casework DataSource, then registers a
 * {@link MigratedSchema} service on that bundle's behalf.
 *
 * <p>All work runs on one worker thread owned by this component, one bundle at a time, so the
 * framework's start thread never waits on the database. The DataSource may come, go and be
 * replaced at any time (pax-jdbc re-registers it when its configuration changes): markers are
 * withdrawn when it goes, and every tracked bundle is migrated again against its replacement.
 */
@Component(service = {}, immediate = true)
// registered through the migrated bundles' contexts, so bnd cannot see it: declared for resolvers
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"org.casework.persistence.api.MigratedSchema\"",
        uses = MigratedSchema.class)
public final class MigrationExtender {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationExtender.class);

    private final MigrationRunner runner = new MigrationRunner();
    private final ExecutorService worker;
    private final BundleTracker<Bundle> tracker;

    /** Markers by bundle id; touched only on the worker thread. */
    private final Map<Long, ServiceRegistration<MigratedSchema>> markers = new HashMap<>();

    private volatile DataSource dataSource;

    @Activate
    public MigrationExtender(BundleContext context) {
        worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "casework-migrations");
            thread.setDaemon(true);
            return thread;
        });
        tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new Customizer());
        tracker.open();
    }

    @Reference(target = "(osgi.jndi.service.name=" + Migrations.DATASOURCE_NAME + ")",
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDataSource(DataSource newDataSource) {
        dataSource = newDataSource;
        LOG.debug("Casework DataSource available: migrating tracked bundles");
        submit(() -> remigrateAll(newDataSource));
    }

    void unbindDataSource(DataSource oldDataSource) {
        if (dataSource != oldDataSource) {
            return; // already replaced by a greedy rebind
        }
        dataSource = null;
        LOG.debug("Casework DataSource gone: withdrawing schema markers");
        submit(this::withdrawAll);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        tracker.close();
        worker.shutdown();
        if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("Migrations still running after 30 s while stopping; interrupting them");
            worker.shutdownNow();
            worker.awaitTermination(5, TimeUnit.SECONDS);
        }
        withdrawAll();
    }

    private void submit(Runnable task) {
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("Unexpected failure in the migration extender", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Migration extender stopping; task dropped");
        }
    }

    private void remigrateAll(DataSource expected) {
        if (dataSource != expected) {
            return;
        }
        withdrawAll();
        Bundle[] bundles = tracker.getBundles();
        if (bundles == null) {
            return;
        }
        for (Bundle bundle : bundles) {
            migrate(bundle);
        }
    }

    private void migrate(Bundle bundle) {
        DataSource current = dataSource;
        if (current == null || markers.containsKey(bundle.getBundleId())
                || (bundle.getState() & (Bundle.STARTING | Bundle.ACTIVE)) == 0) {
            return;
        }
        String bsn = bundle.getSymbolicName();
        String folder = folder(bundle);
        MigrationRunner.Outcome outcome;
        try {
            outcome = runner.migrate(current, bsn, () -> scripts(bundle, folder));
        } catch (MigrationException e) {
            if (dataSource == current) {
                // a refused script needs no stack trace; a failing statement shows the database's cause
                Object[] arguments = e.getCause() == null
                        ? new Object[] {bsn, folder, e.script(), e.getMessage()}
                        : new Object[] {bsn, folder, e.script(), e.getMessage(), e.getCause()};
                LOG.error("Migrations of bundle {} failed in script {}/{}; its schema is not marked migrated "
                        + "and its database services stay down: {}", arguments);
            }
            return;
        } catch (SQLException | RuntimeException e) {
            if (dataSource == current) {
                LOG.error("Migrations of bundle {} could not run against the Casework database: {}",
                        bsn, e.getMessage(), e);
            } else {
                LOG.debug("DataSource changed while migrating {}; will run again", bsn, e);
            }
            return;
        }
        if (dataSource != current) {
            return; // remigrateAll for the replacement is queued behind this task
        }
        BundleContext context = bundle.getBundleContext();
        if (context == null) {
            return;
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(MigratedSchema.PROPERTY, bsn);
        properties.put(Constants.SERVICE_DESCRIPTION, "Schema of " + bsn + " migrated to version "
                + outcome.version());
        try {
            markers.put(bundle.getBundleId(), context.registerService(MigratedSchema.class,
                    new SchemaMarker(bsn, outcome.version(), outcome.product()), properties));
            LOG.info("Schema of {} is at version {} on {} ({} script(s) applied)",
                    bsn, outcome.version(), outcome.product(), outcome.applied());
        } catch (IllegalStateException e) {
            LOG.debug("Bundle {} stopped before its schema marker could be registered", bsn);
        }
    }

    private void withdraw(Bundle bundle) {
        unregister(markers.remove(bundle.getBundleId()));
    }

    private void withdrawAll() {
        for (Iterator<ServiceRegistration<MigratedSchema>> it = markers.values().iterator(); it.hasNext();) {
            unregister(it.next());
            it.remove();
        }
    }

    private static void unregister(ServiceRegistration<MigratedSchema> registration) {
        if (registration == null) {
            return;
        }
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // the bundle stopped and the framework already removed it
        }
    }

    private static String folder(Bundle bundle) {
        String folder = bundle.getHeaders("").get(Migrations.HEADER).trim();
        while (folder.startsWith("/")) {
            folder = folder.substring(1);
        }
        while (folder.endsWith("/")) {
            folder = folder.substring(0, folder.length() - 1);
        }
        return folder;
    }

    private static Map<String, byte[]> scripts(Bundle bundle, String folder) throws MigrationException {
        Map<String, byte[]> files = new TreeMap<>();
        Enumeration<URL> entries = bundle.findEntries(folder.isEmpty() ? "/" : folder, "*.sql", false);
        if (entries == null) {
            return files;
        }
        while (entries.hasMoreElements()) {
            URL url = entries.nextElement();
            String path = url.getPath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            try (InputStream in = url.openStream()) {
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new MigrationException(name, "Cannot read " + path + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    /** Queues work for bundles that start or stop; never blocks the framework's thread. */
    private final class Customizer implements BundleTrackerCustomizer<Bundle> {

        @Override
        public Bundle addingBundle(Bundle bundle, BundleEvent event) {
            String header = bundle.getHeaders("").get(Migrations.HEADER);
            if (header == null || header.isBlank()) {
                return null;
            }
            submit(() -> migrate(bundle));
            return bundle;
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, Bundle object) {
            // STARTING to ACTIVE: nothing new to do
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, Bundle object) {
            submit(() -> withdraw(bundle));
        }
    }
}
