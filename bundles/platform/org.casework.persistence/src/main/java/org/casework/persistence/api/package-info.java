/**
 * Database schema ownership: a bundle lists its migrations in the {@value
 * org.casework.persistence.api.Migrations#HEADER} manifest header, the platform applies them when
 * the bundle starts, and then registers a {@link org.casework.persistence.api.MigratedSchema}
 * service the bundle's own components wait for.
 */
@Export
@Version("1.0.0")
package org.casework.persistence.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
