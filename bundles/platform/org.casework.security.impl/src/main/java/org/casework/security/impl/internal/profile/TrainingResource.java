package org.casework.security.impl.internal.profile;

import java.net.URI;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.casework.core.api.NotFoundException;
import org.casework.core.api.Roles;
import org.casework.rest.api.Doc;
import org.casework.rest.api.RequiresRole;
import org.casework.rest.api.RestConstants;
import org.casework.rest.api.RestContext;
import org.casework.security.api.NewTraining;
import org.casework.security.api.TrainingRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/users/{username}/trainings}: a staff member's completed trainings. */
@Component(service = TrainingResource.class, property = RestConstants.RESOURCE + ":Boolean=true")
@Path("users/{username}/trainings")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Completed trainings of staff members.")
public final class TrainingResource {

    private final ProfileServiceImpl profiles;

    @Activate
    public TrainingResource(@Reference ProfileServiceImpl profiles) {
        this.profiles = profiles;
    }

    @GET
    @Doc("The person's trainings, latest first. Readable by whoever may read the profile.")
    public Items<TrainingRecord> list(@PathParam("username") String username,
            @Context SecurityContext sc) {
        return new Items<>(profiles.trainings(RestContext.caller(sc), username));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Records a completed training; validUntil is computed from the course unless given. "
            + "Administrators and the person's manager only: nobody certifies their own training.")
    public Response record(@PathParam("username") String username, NewTraining training,
            @Context SecurityContext sc) {
        TrainingRecord created = profiles.recordTraining(RestContext.caller(sc), username, training);
        return Response.created(URI.create("users/" + username + "/trainings/" + created.id()))
                .entity(created).build();
    }

    @DELETE
    @Path("{id}")
    @RequiresRole(Roles.ADMIN)
    @Doc("Removes a training record entered in error.")
    public Response delete(@PathParam("username") String username, @PathParam("id") String id,
            @Context SecurityContext sc) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("The training record");
        }
        profiles.deleteTraining(RestContext.caller(sc), username, number);
        return Response.noContent().build();
    }
}
