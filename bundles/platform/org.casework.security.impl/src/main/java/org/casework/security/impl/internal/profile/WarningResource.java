package org.casework.security.impl.internal.profile;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.casework.rest.api.Doc;
import org.casework.rest.api.RestConstants;
import org.casework.rest.api.RestContext;
import org.casework.security.api.TrainingWarning;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/users/me/warnings}: the caller's training warnings and their reports'. */
@Component(service = WarningResource.class, property = RestConstants.RESOURCE + ":Boolean=true")
@Path("users/me/warnings")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Warnings for the signed-in user.")
public final class WarningResource {

    private final ProfileServiceImpl profiles;

    @Activate
    public WarningResource(@Reference ProfileServiceImpl profiles) {
        this.profiles = profiles;
    }

    @GET
    @Doc("Mandatory trainings that are missing, expired or expire soon: the caller's own "
            + "(own: true), then those of the people the caller manages directly (own: false).")
    public Items<TrainingWarning> warnings(@Context SecurityContext sc) {
        return new Items<>(profiles.warnings(RestContext.caller(sc)));
    }
}
