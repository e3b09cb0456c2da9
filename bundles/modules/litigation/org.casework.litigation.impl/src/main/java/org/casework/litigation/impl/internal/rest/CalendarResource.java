package org.casework.litigation.impl.internal.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.casework.core.api.NotFoundException;
import org.casework.core.api.Page;
import org.casework.core.api.ValidationException;
import org.casework.litigation.api.CalendarEntry;
import org.casework.litigation.api.CalendarQuery;
import org.casework.litigation.api.CalendarService;
import org.casework.litigation.api.FeedToken;
import org.casework.litigation.api.Reminder;
import org.casework.litigation.api.Workload;
import org.casework.rest.api.Doc;
import org.casework.rest.api.PublicEndpoint;
import org.casework.rest.api.RequiresPermission;
import org.casework.rest.api.RestConstants;
import org.casework.rest.api.RestContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The litigation calendar, workload views, reminders and the iCalendar feed. Thin: the service
 * checks need-to-know and permissions, validates and audits.
 */
@Component(service = CalendarResource.class, property = RestConstants.RESOURCE + "=true")
@Path("/litigation")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Litigation calendar: hearings and due dates by attorney and office, workload, reminders, iCalendar feed")
public class CalendarResource {

    private static final String READ_IMM = "case.immigration-case:read";
    private static final String READ_FED = "case.federal-litigation:read";
    private static final String READ_ADM = "case.administrative-case:read";

    /** Body of a reminder run: the day to count from, {@code yyyy-mm-dd}, or none for today. */
    public record ReminderRun(String asOf) {
    }

    /** Answer of a reminder run. */
    public record ReminderRunResult(String asOf, int sent) {
    }

    /**
     * A page of the calendar: {@link Page}'s properties, and whether {@code total} stopped counting
     * at {@link CalendarService#MAX_DEPTH} + 1 (then read it "more than 10,000").
     */
    public record CalendarPage(List<CalendarEntry> items, long total, boolean totalCapped, int page, int size) {

        static CalendarPage of(Page<CalendarEntry> p) {
            return new CalendarPage(p.items(), p.total(), p.total() > CalendarService.MAX_DEPTH, p.page(), p.size());
        }
    }

    /** Whether the caller has a feed token (its value is never shown again). */
    public record FeedTokenRevoked(boolean revoked) {
    }

    private final CalendarService calendar;

    @Activate
    public CalendarResource(@Reference CalendarService calendar) {
        this.calendar = calendar;
    }

    @GET
    @Path("/calendar")
    @RequiresPermission({READ_IMM, READ_FED, READ_ADM})
    @Doc("Hearings and due dates by date: attorney=<user> or office=<division> (neither: your own), from/to "
            + "yyyy-mm-dd (today to a year ahead), kind=hearing|due-date, includeClosed=true, sort=date[,asc|desc], "
            + "page, size; total counts up to 10,000 entries, beyond that it is 10,001 with totalCapped true")
    public CalendarPage calendar(@Context SecurityContext sc, @QueryParam("attorney") String attorney,
            @QueryParam("office") String office, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("kind") String kind, @QueryParam("includeClosed") String includeClosed,
            @QueryParam("sort") String sort, @QueryParam("page") String page, @QueryParam("size") String size) {
        LitigationResource.Sort s = LitigationResource.Sort.parse(sort);
        if (s.field() != null && !s.field().equals("date")) {
            throw new ValidationException("sort", "unknown", "The calendar is sorted by date.");
        }
        return CalendarPage.of(calendar.calendar(RestContext.caller(sc), new CalendarQuery(attorney, office, from, to,
                kind, "true".equalsIgnoreCase(includeClosed), LitigationResource.integer("page", page, 0),
                LitigationResource.integer("size", size, 50), s.ascending())));
    }

    @GET
    @Path("/workload")
    @RequiresPermission(CalendarService.WORKLOAD_PERMISSION)
    @Doc("A manager's view of attorney=<user> or office=<division>: open cases, upcoming hearings, overdue due "
            + "dates (counts and the first size of each), per attorney for an office; asOf=yyyy-mm-dd")
    public Workload workload(@Context SecurityContext sc, @QueryParam("attorney") String attorney,
            @QueryParam("office") String office, @QueryParam("asOf") String asOf, @QueryParam("size") String size) {
        return calendar.workload(RestContext.caller(sc), attorney, office, day("asOf", asOf),
                LitigationResource.integer("size", size, 20));
    }

    @GET
    @Path("/reminders/mine")
    @Doc("The due-date reminders sent to you, newest first")
    public Page<Reminder> myReminders(@Context SecurityContext sc, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return calendar.myReminders(RestContext.caller(sc), LitigationResource.integer("page", page, 0),
                LitigationResource.integer("size", size, 20));
    }

    @POST
    @Path("/reminders/run")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(CalendarService.RUN_REMINDERS_PERMISSION)
    @Doc("Sends the reminders due as of a day (default today) that have not been sent yet, at once")
    public ReminderRunResult runReminders(@Context SecurityContext sc, ReminderRun body) {
        LocalDate asOf = day("asOf", body == null ? null : body.asOf());
        int sent = calendar.runReminders(RestContext.caller(sc), asOf);
        return new ReminderRunResult(asOf == null ? null : asOf.toString(), sent);
    }

    @POST
    @Path("/calendar/feed-token")
    @Doc("Issues you a calendar feed token (shown once; any earlier token stops working)")
    public Response createFeedToken(@Context SecurityContext sc) {
        FeedToken token = calendar.createFeedToken(RestContext.caller(sc));
        return Response.status(Response.Status.CREATED).entity(token).build();
    }

    @DELETE
    @Path("/calendar/feed-token")
    @Doc("Revokes your calendar feed token")
    public FeedTokenRevoked revokeFeedToken(@Context SecurityContext sc) {
        return new FeedTokenRevoked(calendar.revokeFeedToken(RestContext.caller(sc)));
    }

    @GET
    @Path("/calendar/feed/{token}")
    @PublicEndpoint
    @Produces("text/calendar")
    @Doc("Your hearings and due dates as an iCalendar (RFC 5545) feed, for calendar applications; the token is "
            + "the credential; 404 once revoked")
    public Response feed(@PathParam("token") String token) {
        String ics = calendar.feed(token).orElseThrow(() -> new NotFoundException("Calendar feed"));
        return Response.ok(ics, "text/calendar; charset=utf-8").header("Cache-Control", "private, no-store")
                .build();
    }

    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "date", "\"" + value.strip() + "\" is not a date written yyyy-mm-dd.");
        }
    }
}
