package org.casework.core.impl.internal.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.casework.core.api.work.CaseFigures;
import org.casework.rest.api.Doc;
import org.casework.rest.api.RequiresPermission;
import org.casework.rest.api.RestConstants;
import org.casework.rest.api.RestContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The standard figures over cases of every type: aggregates only, for managers. */
@Component(service = ReportResource.class, property = RestConstants.RESOURCE + "=true")
@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission(CaseFigures.PERMISSION)
@Doc("Standard figures: case life cycle and effort per case, per case type and division")
public class ReportResource {

    private final CaseFigures figures;

    @Activate
    public ReportResource(@Reference CaseFigures figures) {
        this.figures = figures;
    }

    @GET
    @Path("/case-lifecycle")
    @Doc("Days from opening to closing of the cases closed in a period (from/to, yyyy-MM-dd, inclusive), "
            + "per case type and division; ?type= and ?division= narrow it")
    public List<CaseFigures.Lifecycle> lifecycle(@Context SecurityContext sc, @QueryParam("type") String type,
            @QueryParam("division") String division, @QueryParam("from") String from, @QueryParam("to") String to) {
        return figures.lifecycle(RestContext.caller(sc), type, division, RestParams.date("from", from),
                RestParams.date("to", to));
    }

    @GET
    @Path("/effort")
    @Doc("Time spent per case from the time entries dated in a period (from/to inclusive), per case type and "
            + "division; ?type= and ?division= narrow it")
    public List<CaseFigures.Effort> effort(@Context SecurityContext sc, @QueryParam("type") String type,
            @QueryParam("division") String division, @QueryParam("from") String from, @QueryParam("to") String to) {
        return figures.effort(RestContext.caller(sc), type, division, RestParams.date("from", from),
                RestParams.date("to", to));
    }
}
