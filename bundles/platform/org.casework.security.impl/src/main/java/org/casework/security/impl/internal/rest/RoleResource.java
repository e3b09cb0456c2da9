package org.casework.security.impl.internal.rest;

import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.casework.core.api.NotFoundException;
import org.casework.core.api.ValidationException;
import org.casework.rest.api.Doc;
import org.casework.rest.api.RequiresPermission;
import org.casework.rest.api.RestConstants;
import org.casework.rest.api.RestContext;
import org.casework.security.impl.internal.roles.RoleCatalog;
import org.casework.security.impl.internal.roles.RoleChange;
import org.casework.security.impl.internal.roles.RoleDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/roles}: the roles and their permission sets, for administrators to inspect and edit. */
@Component(service = RoleResource.class, property = RestConstants.RESOURCE + ":Boolean=true")
@Path("roles")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Roles: named permission sets, kept as data.")
public final class RoleResource {

    private final RoleCatalog roles;

    @Activate
    public RoleResource(@Reference RoleCatalog roles) {
        this.roles = roles;
    }

    @GET
    @RequiresPermission("roles:read")
    @Doc("Every role with its flags and permission set, ordered by key.")
    public Map<String, List<RoleDefinition>> list() {
        return Map.of("items", roles.list());
    }

    @GET
    @Path("{key}")
    @RequiresPermission("roles:read")
    @Doc("One role with its permission set.")
    public RoleDefinition get(@PathParam("key") String key) {
        return roles.find(key).orElseThrow(() -> new NotFoundException("The role"));
    }

    @PUT
    @Path("{key}")
    @RequiresPermission("roles:update")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Creates a role (no version) or replaces a role's label, flags and permissions (with the version read). "
            + "Audited as a permission change.")
    public Response save(@PathParam("key") String key, RoleChange change, @Context SecurityContext sc) {
        if (change == null) {
            throw new ValidationException(null, "required", "Send the role.");
        }
        boolean creating = change.version() == null;
        RoleDefinition saved = roles.save(RestContext.caller(sc), key, change);
        return Response.status(creating ? 201 : 200).entity(saved).build();
    }

    @DELETE
    @Path("{key}")
    @RequiresPermission("roles:delete")
    @Doc("Deletes a role no account holds; roles shipped with Casework cannot be deleted.")
    public Response delete(@PathParam("key") String key, @QueryParam("version") Long version,
            @Context SecurityContext sc) {
        if (version == null) {
            throw new ValidationException("version", "required", "Send the version of the role you read.");
        }
        roles.delete(RestContext.caller(sc), key, version);
        return Response.noContent().build();
    }
}
