package org.casework.persistence.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered by the platform once a bundle's migrations have all been applied, with service
 * property {@value #PROPERTY} = the bundle's symbolic name. Components that use the bundle's
 * tables reference it with a target filter, e.g.
 * {@code @Reference(target = "(casework.schema=org.casework.core.impl)")}, so they start only
 * after the schema exists and never when a migration failed.
 */
@ProviderType
public interface MigratedSchema {

    /** The service property naming the bundle whose schema is ready. */
    String PROPERTY = "casework.schema";

    /** The symbolic name of the bundle whose schema is ready. */
    String bundleSymbolicName();

    /** The highest migration number applied. */
    int version();

    /** The database product, lower case: {@code derby} or {@code postgresql}. */
    String databaseProduct();
}
