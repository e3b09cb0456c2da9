package org.casework.core.impl.internal.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

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

import org.casework.core.api.work.CaseDiaryEvent;
import org.casework.core.api.work.CaseTeamService;
import org.casework.rest.api.Doc;
import org.casework.rest.api.RestConstants;
import org.casework.rest.api.RestContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Dated events of a case of any type (meetings, deadlines, briefings ...). */
@Component(service = CaseEventResource.class, property = RestConstants.RESOURCE + "=true")
@Path("/cases/{type}/{id}/events")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Dated events of a case")
public class CaseEventResource {

    /** Body of a new event: date (yyyy-MM-dd), kind and description. */
    public record EventRequest(LocalDate eventDate, String kind, String description) {
    }

    private final CaseTeamService team;

    @Activate
    public CaseEventResource(@Reference CaseTeamService team) {
        this.team = team;
    }

    @GET
    @Doc("The case's events, oldest date first")
    public List<CaseDiaryEvent> list(@Context SecurityContext sc, @PathParam("type") String type,
            @PathParam("id") String id) {
        return team.events(RestContext.caller(sc), type, RestParams.id(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Records an event on the case")
    public Response add(@Context SecurityContext sc, @PathParam("type") String type, @PathParam("id") String id,
            EventRequest body) {
        long caseId = RestParams.id(id);
        CaseDiaryEvent e = team.addEvent(RestContext.caller(sc), type, caseId, body == null ? null : body.eventDate(),
                body == null ? null : body.kind(), body == null ? null : body.description());
        return Response.created(URI.create(RestConstants.BASE_PATH + "/cases/" + type + "/" + caseId + "/events/"
                + e.id())).entity(e).build();
    }

    @DELETE
    @Path("/{eventId}")
    @Doc("Deletes an event recorded by mistake")
    public Response remove(@Context SecurityContext sc, @PathParam("type") String type, @PathParam("id") String id,
            @PathParam("eventId") String eventId) {
        team.removeEvent(RestContext.caller(sc), type, RestParams.id(id), RestParams.id(eventId));
        return Response.noContent().build();
    }
}
