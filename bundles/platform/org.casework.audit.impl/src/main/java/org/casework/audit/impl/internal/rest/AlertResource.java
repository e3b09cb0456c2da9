package org.casework.audit.impl.internal.rest;

import static org.casework.audit.impl.internal.rest.QueryParams.bad;
import static org.casework.audit.impl.internal.rest.QueryParams.blank;
import static org.casework.audit.impl.internal.rest.QueryParams.instant;
import static org.casework.audit.impl.internal.rest.QueryParams.integer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.AuditService;
import org.casework.audit.api.FieldChange;
import org.casework.audit.impl.internal.alerts.AlertPage;
import org.casework.audit.impl.internal.alerts.AlertQuery;
import org.casework.audit.impl.internal.alerts.AlertStore;
import org.casework.audit.impl.internal.alerts.AlertView;
import org.casework.audit.impl.internal.alerts.Rule;
import org.casework.core.api.Caller;
import org.casework.core.api.CaseworkException;
import org.casework.core.api.FieldError;
import org.casework.core.api.NotFoundException;
import org.casework.rest.api.Doc;
import org.casework.rest.api.RequiresRole;
import org.casework.rest.api.RestConstants;
import org.casework.rest.api.RestContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The security officer's API over misuse alerts: list, read, acknowledge. Every call is audited. */
@Component(service = AlertResource.class, property = RestConstants.RESOURCE + "=true")
@Path("/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(AlertResource.SECURITY_OFFICER)
@Doc("Misuse alerts raised by the audit rules (security officers)")
public class AlertResource {

    static final String SECURITY_OFFICER = "security-officer";
    static final int COMMENT_MAX = 2000;
    private static final String RECORD_TYPE = "alert";

    private final AlertStore alerts;
    private final AuditService audit;

    /** The body of an acknowledgement. */
    public record Acknowledgement(String comment) {
    }

    @Activate
    public AlertResource(@Reference AlertStore alerts, @Reference AuditService audit) {
        this.alerts = alerts;
        this.audit = audit;
    }

    @GET
    @Doc("Lists alerts, newest first; status is open or acknowledged, from/to are ISO-8601 instants")
    public AlertPage search(@Context SecurityContext sc, @Context HttpServletRequest request,
            @QueryParam("status") String status, @QueryParam("rule") String rule, @QueryParam("user") String user,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        String s = blank(status) ? null : status.strip().toLowerCase(Locale.ROOT);
        if (s != null && !s.equals("open") && !s.equals("acknowledged")) {
            throw bad("status", "oneOf", "\"status\" must be open or acknowledged.");
        }
        String r = blank(rule) ? null : rule.strip();
        if (r != null && Rule.of(r).isEmpty()) {
            throw bad("rule", "oneOf", "\"rule\" must be one of bulk-viewing, off-hours-sign-in, "
                    + "sign-in-failures, bulk-export.");
        }
        Instant f = instant("from", from);
        Instant t = instant("to", to);
        if (f != null && t != null && !f.isBefore(t)) {
            throw bad("to", "range", "\"to\" must be after \"from\".");
        }
        AlertQuery q = new AlertQuery(s, r, blank(user) ? null : user.strip(), f, t,
                integer("page", page, 0, 0, 100_000), integer("size", size, 50, 1, 200));
        AlertPage found = alerts.search(q);
        audit.record(RestContext.caller(sc), new AuditEvent("search", RECORD_TYPE, null, AuditEvent.SUCCESS,
                remote(request), List.of(), "alerts: " + found.total() + " found"));
        return found;
    }

    @GET
    @Path("/{id}")
    @Doc("One alert")
    public AlertView get(@Context SecurityContext sc, @Context HttpServletRequest request,
            @PathParam("id") String id) {
        long key = id(id);
        AlertView found = alerts.find(key).orElseThrow(() -> new NotFoundException("The alert"));
        audit.record(RestContext.caller(sc), new AuditEvent("view", RECORD_TYPE, Long.toString(key),
                AuditEvent.SUCCESS, remote(request), List.of(), null));
        return found;
    }

    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Acknowledges an open alert, with an optional comment of up to 2000 characters; 409 when it was already acknowledged")
    public AlertView acknowledge(@Context SecurityContext sc, @Context HttpServletRequest request,
            @PathParam("id") String id, Acknowledgement body) {
        long key = id(id);
        String comment = body == null || blank(body.comment()) ? null : body.comment().strip();
        if (comment != null && comment.length() > COMMENT_MAX) {
            throw bad("comment", "maxLength", "The comment may be at most " + COMMENT_MAX + " characters long.");
        }
        Caller caller = RestContext.caller(sc);
        AlertView done = alerts.acknowledge(key, caller.username(), comment);
        audit.record(caller, new AuditEvent("update", RECORD_TYPE, Long.toString(key), AuditEvent.SUCCESS,
                remote(request), List.of(new FieldChange("status", "open", "acknowledged")), comment));
        return done;
    }

    private static long id(String raw) {
        try {
            long id = Long.parseLong(raw.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // falls through: an id that cannot exist is simply not found
        }
        throw new NotFoundException("The alert");
    }

    private static String remote(HttpServletRequest request) {
        return request == null ? null : request.getRemoteAddr();
    }




}
