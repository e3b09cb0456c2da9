package org.casework.core.impl.internal.rest;

import java.net.URI;
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

import org.casework.core.api.work.CaseMember;
import org.casework.core.api.work.CaseTeamService;
import org.casework.rest.api.Doc;
import org.casework.rest.api.RestConstants;
import org.casework.rest.api.RestContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The people working on a case in a role (lead, member, reviewer ...), beside its one assignee. */
@Component(service = CaseTeamResource.class, property = RestConstants.RESOURCE + "=true")
@Path("/cases/{type}/{id}/members")
@Produces(MediaType.APPLICATION_JSON)
@Doc("The people working on a case, each in a role")
public class CaseTeamResource {

    /** Body of a new member: the user name and the role. */
    public record MemberRequest(String person, String role) {
    }

    private final CaseTeamService team;

    @Activate
    public CaseTeamResource(@Reference CaseTeamService team) {
        this.team = team;
    }

    @GET
    @Doc("The case's team, ordered by role then person")
    public List<CaseMember> list(@Context SecurityContext sc, @PathParam("type") String type,
            @PathParam("id") String id) {
        return team.members(RestContext.caller(sc), type, RestParams.id(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Adds a person (an active user) to the case's team in a role")
    public Response add(@Context SecurityContext sc, @PathParam("type") String type, @PathParam("id") String id,
            MemberRequest body) {
        long caseId = RestParams.id(id);
        CaseMember m = team.addMember(RestContext.caller(sc), type, caseId, body == null ? null : body.person(),
                body == null ? null : body.role());
        return Response.created(URI.create(RestConstants.BASE_PATH + "/cases/" + type + "/" + caseId + "/members/"
                + m.id())).entity(m).build();
    }

    @DELETE
    @Path("/{memberId}")
    @Doc("Takes a person off the case's team (in that role)")
    public Response remove(@Context SecurityContext sc, @PathParam("type") String type, @PathParam("id") String id,
            @PathParam("memberId") String memberId) {
        team.removeMember(RestContext.caller(sc), type, RestParams.id(id), RestParams.id(memberId));
        return Response.noContent().build();
    }
}
