/**
 * How a bundle contributes to the REST API under {@code /api/v1}: register a JAX-RS annotated
 * object as an OSGi service with {@link org.casework.rest.api.RestConstants#RESOURCE} set, declare
 * each method's access with {@link org.casework.rest.api.PublicEndpoint} or
 * {@link org.casework.rest.api.RequiresRole} (neither means: any signed-in user), and read the
 * caller with {@link org.casework.rest.api.RestContext#caller}.
 */
@Export
@Version("1.1.0")
package org.casework.rest.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
