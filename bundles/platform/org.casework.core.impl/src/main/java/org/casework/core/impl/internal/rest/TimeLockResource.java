package org.casework.core.impl.internal.rest;

import java.time.LocalDate;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.casework.core.api.work.TimeEntryService;
import org.casework.core.api.work.TimeLock;
import org.casework.rest.api.Doc;
import org.casework.rest.api.RequiresPermission;
import org.casework.rest.api.RestConstants;
import org.casework.rest.api.RestContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The office-wide lock date of time entries. */
@Component(service = TimeLockResource.class, property = RestConstants.RESOURCE + "=true")
@Path("/time-entry-lock")
@Produces(MediaType.APPLICATION_JSON)
@Doc("The lock date of time entries: entries dated on or before it are frozen")
public class TimeLockResource {

    /** Body of a lock change: the new date (yyyy-MM-dd), or null to clear it. */
    public record LockRequest(LocalDate lockDate) {
    }

    private final TimeEntryService time;

    @Activate
    public TimeLockResource(@Reference TimeEntryService time) {
        this.time = time;
    }

    @GET
    @Doc("The lock in force: the date a manager set, the rolling lock from the configuration, and the later of both")
    public TimeLock get(@Context SecurityContext sc) {
        return time.lock(RestContext.caller(sc));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(TimeEntryService.MANAGE)
    @Doc("Sets or clears the lock date (time managers); audited with the old and new date")
    public TimeLock set(@Context SecurityContext sc, LockRequest body) {
        return time.setLock(RestContext.caller(sc), body == null ? null : body.lockDate());
    }
}
