package org.casework.security.impl.internal.profile;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.casework.rest.api.Doc;
import org.casework.rest.api.RestConstants;
import org.casework.security.api.TrainingCourse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/training-courses}: the configured training catalogue. */
@Component(service = TrainingCourseResource.class,
        property = RestConstants.RESOURCE + ":Boolean=true")
@Path("training-courses")
@Produces(MediaType.APPLICATION_JSON)
@Doc("The training catalogue.")
public final class TrainingCourseResource {

    private final ProfileServiceImpl profiles;

    @Activate
    public TrainingCourseResource(@Reference ProfileServiceImpl profiles) {
        this.profiles = profiles;
    }

    @GET
    @Doc("The configured courses, mandatory ones first; any signed-in user.")
    public Items<TrainingCourse> list() {
        return new Items<>(profiles.courses());
    }
}
