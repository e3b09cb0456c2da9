/** Karaf shell commands of the audit trail. */
@Header(name = "Karaf-Commands", value = "org.casework.audit.impl.internal.shell")
package org.casework.audit.impl.internal.shell;

import org.osgi.annotation.bundle.Header;
