/** JPA entities and queries of users and sessions; they never leave this bundle. */
@Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
@Header(name = "Casework-Migrations", value = "db/migration")
package org.casework.security.impl.internal.persistence;

import org.osgi.annotation.bundle.Header;
