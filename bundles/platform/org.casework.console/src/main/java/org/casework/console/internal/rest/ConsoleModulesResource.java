package org.casework.console.internal.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.casework.core.api.spi.ConsoleModule;
import org.casework.rest.api.RestConstants;
import org.casework.rest.api.RestContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code GET /api/v1/console/modules}: the navigation entries of the installed console modules that
 * the signed-in caller may see. Tracks {@link ConsoleModule} services dynamically, so installing or
 * removing a module changes the answer at once.
 */
@Component(service = ConsoleModulesResource.class, property = RestConstants.RESOURCE + "=true")
@Path("/console/modules")
public class ConsoleModulesResource {

    private final ConsoleModuleCatalog catalog = new ConsoleModuleCatalog();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addModule(ConsoleModule module) {
        catalog.add(module);
    }

    void removeModule(ConsoleModule module) {
        catalog.remove(module);
    }

    /** The entries visible to the caller, sorted by order, then label. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ConsoleModuleView> modules(@Context SecurityContext securityContext) {
        return catalog.visibleTo(RestContext.caller(securityContext));
    }
}
