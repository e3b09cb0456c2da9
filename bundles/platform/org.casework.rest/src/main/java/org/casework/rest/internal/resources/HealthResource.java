package org.casework.rest.internal.resources;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.casework.core.api.CaseService;
import org.casework.core.api.spi.ModuleDescriptor;
import org.casework.security.api.AuthenticationService;
import org.casework.rest.api.Doc;
import org.casework.rest.api.PublicEndpoint;
import org.casework.rest.api.RestConstants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code GET /api/v1/health}: whether the platform is ready to serve, and which modules are
 * installed. Ready means the case engine and sign-in are both up: during boot, and whenever
 * either is missing, it answers 503 with status {@code STARTING} so load balancers and scripts
 * wait instead of sending requests that would fail.
 */
@Component(service = HealthResource.class, property = RestConstants.RESOURCE + ":Boolean=true")
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
@PublicEndpoint
public final class HealthResource {

    /** The health answer: {@code UP} or {@code STARTING}, and the module keys. */
    public record Health(String status, List<String> modules) {
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CaseService cases;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuthenticationService authentication;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ModuleDescriptor> modules;

    public HealthResource() {
    }

    /** For tests. */
    HealthResource(List<ModuleDescriptor> modules, CaseService cases, AuthenticationService authentication) {
        this.modules = modules;
        this.cases = cases;
        this.authentication = authentication;
    }

    @GET
    @Doc("Tells that the API is up and lists the installed modules. No sign-in needed.")
    public Response health() {
        List<ModuleDescriptor> current = modules;
        List<String> keys = current == null ? List.of()
                : current.stream().map(ModuleDescriptor::key).distinct().sorted().toList();
        boolean ready = cases != null && authentication != null;
        return Response.status(ready ? 200 : 503).entity(new Health(ready ? "UP" : "STARTING", keys)).build();
    }
}
