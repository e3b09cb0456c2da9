/** JPA entities of litigation's own tables; they never leave this bundle. */
@Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
@Header(name = "Casework-Migrations", value = "db/migration")
package org.casework.litigation.impl.internal.persistence;

import org.osgi.annotation.bundle.Header;
