package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.casework.itests.support.CaseworkTestSupport;
import org.casework.itests.support.HttpResult;
import org.casework.itests.support.TestBundles;
import org.casework.persistence.api.MigratedSchema;
import org.casework.persistence.api.Migrations;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The distribution boots, the migration extender migrates every bundle that owns tables, and the
 * REST API and the web root answer. Runs on Derby and, in a second failsafe execution, on
 * PostgreSQL.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformBootIT extends CaseworkTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformBootIT.class);

    private static final String PROBE = "org.casework.itests.migrations";

    @Override
    @Configuration
    public Option[] config() {
        return CoreOptions.options(CoreOptions.composite(baseOptions()),
                TestBundles.migrations(PROBE, "bundles/migrations-probe"));
    }

    @Test
    public void healthIsUp() {
        HttpResult health = awaitHealthy();

        assertEquals("application/json", health.header("Content-Type").orElse("").split(";")[0]);
        assertTrue(health.json().path("modules").isArray());
    }

    @Test
    public void everyBundleWithMigrationsGetsItsSchemaMarked() {
        awaitHealthy();
        List<String> owners = new ArrayList<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getHeaders("").get(Migrations.HEADER) != null && bundle.getState() == Bundle.ACTIVE) {
                owners.add(bundle.getSymbolicName());
            }
        }
        LOG.info("Bundles with migrations: {}", owners);
        assertTrue(owners.contains(PROBE));
        for (String owner : owners) {
            waitUntil("schema of " + owner + " marked migrated", Duration.ofSeconds(60), () -> !services(
                    MigratedSchema.class, "(" + MigratedSchema.PROPERTY + "=" + owner + ")").isEmpty());
        }
        for (ServiceReference<MigratedSchema> reference : services(MigratedSchema.class, null)) {
            MigratedSchema schema = bundleContext.getService(reference);
            try {
                assertEquals(expectedProduct(), schema.databaseProduct());
                assertEquals(reference.getBundle().getSymbolicName(), schema.bundleSymbolicName());
            } finally {
                bundleContext.ungetService(reference);
            }
        }
    }

    @Test
    public void migrationsRanOnTheCaseworkDataSourceWithTheDialectVariant() throws Exception {
        waitUntil("schema of " + PROBE + " marked migrated", BOOT_TIMEOUT, () -> !services(
                MigratedSchema.class, "(" + MigratedSchema.PROPERTY + "=" + PROBE + ")").isEmpty());
        ServiceReference<DataSource> reference = services(DataSource.class,
                "(osgi.jndi.service.name=" + Migrations.DATASOURCE_NAME + ")").iterator().next();
        DataSource dataSource = bundleContext.getService(reference);
        List<String> labels = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT label FROM cw_it_probe ORDER BY id")) {
            while (rows.next()) {
                labels.add(rows.getString(1));
            }
        } finally {
            bundleContext.ungetService(reference);
        }

        assertEquals(List.of("plain", expectedProduct()), labels);
    }

    @Test
    public void webRootAnswers() {
        awaitHealthy();
        HttpResult root = http().get("/");

        assertFalse("GET / answered " + root, root.status() >= 400);
    }

    private static String expectedProduct() {
        return System.getProperty("casework.it.database.name") == null ? "derby" : "postgresql";
    }
}
