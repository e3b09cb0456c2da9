package org.casework.core.impl.internal.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.casework.core.api.Page;
import org.casework.core.api.ValidationException;
import org.casework.core.api.work.TimeEntry;
import org.casework.core.api.work.TimeEntryInput;
import org.casework.core.api.work.TimeEntryService;
import org.casework.core.api.work.TimeTotals;
import org.casework.rest.api.Doc;
import org.casework.rest.api.RestConstants;
import org.casework.rest.api.RestContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Time spent on a case of any type. Thin: the service checks need-to-know on the case (reading
 * needs read access, writing update access), the lock date and who may change an entry.
 */
@Component(service = TimeEntryResource.class, property = RestConstants.RESOURCE + "=true")
@Path("/cases/{type}/{id}/time-entries")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Time spent on a case, per person, with a lock date after which entries are frozen")
public class TimeEntryResource {

    /**
     * A new or changed entry: {@code workDate} (yyyy-MM-dd), the time in {@code minutes} or
     * {@code hours}, {@code activity}; {@code person} only for a time manager entering someone
     * else's time; {@code version} on a change.
     */
    public record EntryRequest(LocalDate workDate, Integer minutes, BigDecimal hours, String activity, String person,
            Long version) {
        TimeEntryInput input() {
            return new TimeEntryInput(workDate, minutes, hours, activity, person);
        }
    }

    private final TimeEntryService time;

    @Activate
    public TimeEntryResource(@Reference TimeEntryService time) {
        this.time = time;
    }

    @GET
    @Doc("The case's time entries a page at a time; ?person= narrows to one person; "
            + "sort=workDate|person|minutes|createdAt[,asc|desc] (newest work date first by default)")
    public Page<TimeEntry> list(@Context SecurityContext sc, @PathParam("type") String type,
            @PathParam("id") String id, @QueryParam("person") String person, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("sort") String sort) {
        RestParams.Sort s = RestParams.Sort.parse(sort, "workDate", false);
        return time.list(RestContext.caller(sc), type, RestParams.id(id), person, RestParams.integer("page", page, 0),
                RestParams.integer("size", size, 20), s.field(), s.ascending());
    }

    @GET
    @Path("/totals")
    @Doc("The time spent on the case in all and per person")
    public TimeTotals totals(@Context SecurityContext sc, @PathParam("type") String type, @PathParam("id") String id) {
        return time.totals(RestContext.caller(sc), type, RestParams.id(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Records time spent on the case; a date on or before the lock date is refused naming workDate")
    public Response add(@Context SecurityContext sc, @PathParam("type") String type, @PathParam("id") String id,
            EntryRequest body) {
        long caseId = RestParams.id(id);
        TimeEntry t = time.add(RestContext.caller(sc), type, caseId, body == null ? null : body.input());
        return Response.created(URI.create(RestConstants.BASE_PATH + "/cases/" + type + "/" + caseId
                + "/time-entries/" + t.id())).entity(t).build();
    }

    @PUT
    @Path("/{entryId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Changes an entry (its person or a time manager only); send the version you read")
    public TimeEntry update(@Context SecurityContext sc, @PathParam("type") String type, @PathParam("id") String id,
            @PathParam("entryId") String entryId, EntryRequest body) {
        if (body == null || body.version() == null) {
            throw new ValidationException("version", "required", "Send the version of the entry you read.");
        }
        return time.update(RestContext.caller(sc), type, RestParams.id(id), RestParams.id(entryId), body.version(),
                body.input());
    }

    @DELETE
    @Path("/{entryId}")
    @Doc("Deletes an entry (its person or a time manager only)")
    public Response delete(@Context SecurityContext sc, @PathParam("type") String type, @PathParam("id") String id,
            @PathParam("entryId") String entryId) {
        time.delete(RestContext.caller(sc), type, RestParams.id(id), RestParams.id(entryId));
        return Response.noContent().build();
    }
}
