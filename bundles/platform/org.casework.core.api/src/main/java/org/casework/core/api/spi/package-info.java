/**
 * Extension points a module implements and registers as OSGi services: {@link
 * org.casework.core.api.spi.CaseType} (a kind of case the engine stores, validates and moves
 * through a workflow), {@link org.casework.core.api.spi.ConsoleModule} (pages in the web console)
 * {@link org.casework.core.api.spi.ModuleDescriptor} (what the health check lists) and {@link
 * org.casework.core.api.spi.AuthoritativeSource} (an external system that owns some fields' values).
 */
@Export
@Version("1.4.0")
package org.casework.core.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
