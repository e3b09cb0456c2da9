/**
 * Who is calling: the authenticated {@link org.casework.security.api.Caller} and the services that
 * establish one (sign-in, sessions, API tokens) and manage user accounts.
 */
@Export
@Version("1.4.0")
package org.casework.security.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
