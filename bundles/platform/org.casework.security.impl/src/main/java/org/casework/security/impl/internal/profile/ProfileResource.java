package org.casework.security.impl.internal.profile;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.casework.core.api.NotFoundException;
import org.casework.rest.api.Doc;
import org.casework.rest.api.RestConstants;
import org.casework.rest.api.RestContext;
import org.casework.security.api.ProfileChange;
import org.casework.security.api.StaffProfile;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/users/{username}/profile}: a staff member's profile. */
@Component(service = ProfileResource.class, property = RestConstants.RESOURCE + ":Boolean=true")
@Path("users/{username}/profile")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Staff profiles: title, office phone, manager and working schedule.")
public final class ProfileResource {

    private final ProfileServiceImpl profiles;

    @Activate
    public ProfileResource(@Reference ProfileServiceImpl profiles) {
        this.profiles = profiles;
    }

    @GET
    @Doc("A staff member's profile. Readable by the person, their manager, administrators and "
            + "the helpdesk; to anyone else it answers 404 as if there were no such account.")
    public StaffProfile get(@PathParam("username") String username, @Context SecurityContext sc) {
        return profiles.profile(RestContext.caller(sc), username)
                .orElseThrow(() -> new NotFoundException("The account"));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Replaces a profile; send the version you read (0 before the first edit). "
            + "Administrators may change everything; people may change their own phone and "
            + "schedule, not their title or manager.")
    public StaffProfile put(@PathParam("username") String username, ProfileChange change,
            @Context SecurityContext sc) {
        return profiles.updateProfile(RestContext.caller(sc), username, change);
    }
}
