package org.casework.litigation.impl.internal.rest;

import java.net.URI;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.casework.core.api.CaseRecord;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.Page;
import org.casework.core.api.ValidationException;
import org.casework.litigation.api.DueDate;
import org.casework.litigation.api.DueDateInput;
import org.casework.litigation.api.Hearing;
import org.casework.litigation.api.HearingInput;
import org.casework.litigation.api.LitigationService;
import org.casework.rest.api.Doc;
import org.casework.rest.api.RequiresPermission;
import org.casework.rest.api.RestConstants;
import org.casework.rest.api.RestContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Litigation's endpoints beside the generic case API: A-Number look-up, placeholder projects
 * becoming immigration cases, hearings and due dates. Thin: the service checks need-to-know,
 * validates and audits.
 */
@Component(service = LitigationResource.class, property = RestConstants.RESOURCE + "=true")
@Path("/litigation")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Litigation: immigration cases by A-Number, hearings and due dates")
public class LitigationResource {

    private static final String READ_ANY = "case.immigration-case:read";
    private static final String READ_FED = "case.federal-litigation:read";
    private static final String READ_ADM = "case.administrative-case:read";
    private static final String UPDATE_IMM = "case.immigration-case:update";
    private static final String UPDATE_FED = "case.federal-litigation:update";
    private static final String UPDATE_ADM = "case.administrative-case:update";

    /** Body of a placeholder's conversion: the immigration case's fields, A-Number included. */
    public record FromProject(Map<String, Object> fields) {
    }

    private final LitigationService litigation;

    @Activate
    public LitigationResource(@Reference LitigationService litigation) {
        this.litigation = litigation;
    }

    @GET
    @Path("/a-numbers/{aNumber}")
    @RequiresPermission(READ_ANY)
    @Doc("The immigration case holding an A-Number, to look up before creating one; 404 when there is none "
            + "the caller may read")
    public CaseRecord byANumber(@Context SecurityContext sc, @PathParam("aNumber") String aNumber) {
        return litigation.findByANumber(RestContext.caller(sc), aNumber)
                .orElseThrow(() -> new NotFoundException("Immigration case for this A-Number"));
    }

    @POST
    @Path("/immigration-cases/from-project/{projectId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("case.immigration-case:create")
    @Doc("Opens the immigration case a placeholder project stood for, links the project to it and closes the "
            + "project; a caller in several divisions names the owning one with ?division=")
    public Response fromProject(@Context SecurityContext sc, @PathParam("projectId") String projectId,
            @QueryParam("division") String division, FromProject body) {
        CaseRecord created = litigation.createFromProject(RestContext.caller(sc), id("projectId", projectId),
                body == null ? null : body.fields(), division);
        return Response.created(URI.create(RestConstants.BASE_PATH + "/cases/" + LitigationService.IMMIGRATION + "/"
                + created.id())).entity(created).build();
    }

    @GET
    @Path("/cases/{id}/hearings")
    @RequiresPermission({READ_ANY, READ_FED, READ_ADM})
    @Doc("The case's hearings a page at a time; sort=date|type|createdAt[,asc|desc] (date ascending by default)")
    public Page<Hearing> hearings(@Context SecurityContext sc, @PathParam("id") String id,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        Sort s = Sort.parse(sort);
        return litigation.hearings(RestContext.caller(sc), id("id", id), integer("page", page, 0),
                integer("size", size, 20), s.field(), s.ascending());
    }

    @POST
    @Path("/cases/{id}/hearings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission({UPDATE_IMM, UPDATE_FED, UPDATE_ADM})
    @Doc("Adds a hearing: date (not before the case was opened) and type required; time HH:mm, location, judge")
    public Response addHearing(@Context SecurityContext sc, @PathParam("id") String id, HearingInput body) {
        Hearing h = litigation.addHearing(RestContext.caller(sc), id("id", id), body);
        return Response.status(Response.Status.CREATED).entity(h).build();
    }

    @GET
    @Path("/cases/{id}/due-dates")
    @RequiresPermission({READ_ANY, READ_FED, READ_ADM})
    @Doc("The case's due dates for pleadings and motions a page at a time; sort=date|type|createdAt[,asc|desc]")
    public Page<DueDate> dueDates(@Context SecurityContext sc, @PathParam("id") String id,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        Sort s = Sort.parse(sort);
        return litigation.dueDates(RestContext.caller(sc), id("id", id), integer("page", page, 0),
                integer("size", size, 20), s.field(), s.ascending());
    }

    @POST
    @Path("/cases/{id}/due-dates")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission({UPDATE_IMM, UPDATE_FED, UPDATE_ADM})
    @Doc("Adds a due date: type (what is due) and date required, description optional")
    public Response addDueDate(@Context SecurityContext sc, @PathParam("id") String id, DueDateInput body) {
        DueDate d = litigation.addDueDate(RestContext.caller(sc), id("id", id), body);
        return Response.status(Response.Status.CREATED).entity(d).build();
    }

    /** Body of a hearing's change: the hearing as it should be, with the version read. */
    public record HearingChange(Long version, String date, String time, String location, String type, String judge) {
    }

    /** Body of a due date's change: the due date as it should be, with the version read. */
    public record DueDateChange(Long version, String type, String date, String description, Boolean completed) {
    }

    @PUT
    @Path("/cases/{id}/hearings/{hearingId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission({UPDATE_IMM, UPDATE_FED, UPDATE_ADM})
    @Doc("Changes a hearing (checked as when added; send the version read, 409 when stale)")
    public Hearing updateHearing(@Context SecurityContext sc, @PathParam("id") String id,
            @PathParam("hearingId") String hearingId, @HeaderParam("If-Match") String ifMatch, HearingChange body) {
        HearingChange b = body == null ? new HearingChange(null, null, null, null, null, null) : body;
        return litigation.updateHearing(RestContext.caller(sc), id("id", id), id("hearingId", hearingId),
                version(b.version(), ifMatch), new HearingInput(b.date(), b.time(), b.location(), b.type(), b.judge()));
    }

    @DELETE
    @Path("/cases/{id}/hearings/{hearingId}")
    @RequiresPermission({UPDATE_IMM, UPDATE_FED, UPDATE_ADM})
    @Doc("Removes a hearing")
    public Response deleteHearing(@Context SecurityContext sc, @PathParam("id") String id,
            @PathParam("hearingId") String hearingId) {
        litigation.deleteHearing(RestContext.caller(sc), id("id", id), id("hearingId", hearingId));
        return Response.noContent().build();
    }

    @PUT
    @Path("/cases/{id}/due-dates/{dueDateId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission({UPDATE_IMM, UPDATE_FED, UPDATE_ADM})
    @Doc("Changes a due date (type and date required; completed marks it met); send the version read")
    public DueDate updateDueDate(@Context SecurityContext sc, @PathParam("id") String id,
            @PathParam("dueDateId") String dueDateId, @HeaderParam("If-Match") String ifMatch, DueDateChange body) {
        DueDateChange b = body == null ? new DueDateChange(null, null, null, null, null) : body;
        return litigation.updateDueDate(RestContext.caller(sc), id("id", id), id("dueDateId", dueDateId),
                version(b.version(), ifMatch), new DueDateInput(b.type(), b.date(), b.description(), b.completed()));
    }

    @DELETE
    @Path("/cases/{id}/due-dates/{dueDateId}")
    @RequiresPermission({UPDATE_IMM, UPDATE_FED, UPDATE_ADM})
    @Doc("Removes a due date")
    public Response deleteDueDate(@Context SecurityContext sc, @PathParam("id") String id,
            @PathParam("dueDateId") String dueDateId) {
        litigation.deleteDueDate(RestContext.caller(sc), id("id", id), id("dueDateId", dueDateId));
        return Response.noContent().build();
    }

    /** The version from the body, else from an {@code If-Match} header; 400 naming version without either. */
    static long version(Long body, String ifMatch) {
        if (body != null) {
            return body;
        }
        if (ifMatch != null && !ifMatch.isBlank()) {
            try {
                return Long.parseLong(ifMatch.strip().replace("W/", "").replace("\"", ""));
            } catch (NumberFormatException e) {
                // answered below
            }
        }
        throw new ValidationException("version", "required", "Send the version you read.");
    }

    /** {@code field[,asc|desc]}; the direction defaults to ascending. */
    record Sort(String field, boolean ascending) {
        static Sort parse(String sort) {
            if (sort == null || sort.isBlank()) {
                return new Sort(null, true);
            }
            String[] parts = sort.split(",", 2);
            boolean asc = true;
            if (parts.length > 1) {
                String dir = parts[1].strip().toLowerCase(java.util.Locale.ROOT);
                if (!dir.equals("asc") && !dir.equals("desc")) {
                    throw new ValidationException("sort", "direction", "Sort direction must be asc or desc.");
                }
                asc = dir.equals("asc");
            }
            return new Sort(parts[0].strip(), asc);
        }
    }

    static long id(String field, String value) {
        try {
            long v = Long.parseLong(value);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        if ("id".equals(field) || "hearingId".equals(field) || "dueDateId".equals(field)) {
            // A path that names no case is a case that does not exist.
            throw new NotFoundException("Case " + value);
        }
        throw new ValidationException(field, "id", "\"" + value + "\" is not an id.");
    }

    static int integer(String field, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(field, "integer", "\"" + value + "\" is not a whole number.");
        }
    }
}
