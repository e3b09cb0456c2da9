package org.casework.rest.internal.resources;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.rest.api.Doc;
import org.casework.rest.api.PublicEndpoint;
import org.casework.rest.internal.openapi.OpenApiGenerator;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI document, generated on each request from the
 * resources and case types registered at that moment. Built into the API server rather than a
 * component of its own: it needs the server's list of resources, and a DS reference back to the
 * server would be circular while the server is activating.
 */
@Path("openapi.json")
@Produces(MediaType.APPLICATION_JSON)
@PublicEndpoint
public final class OpenApiResource {

    private final Supplier<List<Class<?>>> resources;
    private final Supplier<List<CaseTypeDefinition>> caseTypes;
    private final OpenApiGenerator generator = new OpenApiGenerator("Casework API", "1");

    public OpenApiResource(Supplier<List<Class<?>>> resources,
            Supplier<List<CaseTypeDefinition>> caseTypes) {
        this.resources = resources;
        this.caseTypes = caseTypes;
    }

    @GET
    @Doc("Describes this API as an OpenAPI 3.0 document. No sign-in needed.")
    public Map<String, Object> document() {
        return generator.generate(resources.get(), caseTypes.get());
    }
}
