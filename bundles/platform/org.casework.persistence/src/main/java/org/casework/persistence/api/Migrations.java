package org.casework.persistence.api;

/**
 * Conventions for bundles that own tables.
 *
 * <p>A bundle sets the manifest header {@code Casework-Migrations: db/migration} (a folder in the
 * bundle). The folder holds {@code V<n>__<description>.sql} scripts, applied once each in order of
 * {@code n}, each in its own transaction, statements separated by {@code ;} at line end. A script
 * may have dialect variants {@code V<n>__<description>.postgresql.sql} and {@code .derby.sql}; the
 * variant for the running database replaces the plain script. Applied scripts are recorded with a
 * checksum; editing an applied script stops the bundle's schema from being marked migrated.
 */
public final class Migrations {

    /** The manifest header naming a bundle's migration folder. */
    public static final String HEADER = "Casework-Migrations";

    /** The {@code osgi.jndi.service.name} of the Casework DataSource. */
    public static final String DATASOURCE_NAME = "casework";

    /**
     * The value of a persistence unit's {@code jta-data-source} that binds it to the Casework
     * DataSource.
     */
    public static final String JTA_DATA_SOURCE =
            "osgi:service/javax.sql.DataSource/(osgi.jndi.service.name=casework)";

    private Migrations() {
    }
}
