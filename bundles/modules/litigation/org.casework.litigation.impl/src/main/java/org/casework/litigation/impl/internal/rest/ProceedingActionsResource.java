package org.casework.litigation.impl.internal.rest;

import java.net.URI;

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
import org.casework.litigation.api.CaseRecordsService;
import org.casework.litigation.api.ProceedingAction;
import org.casework.litigation.api.RecordKind;
import org.casework.rest.api.Doc;
import org.casework.rest.api.RequiresPermission;
import org.casework.rest.api.RestConstants;
import org.casework.rest.api.RestContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The actions and dispositions per level (IMMIGRATION_JUDGE, BIA, FEDERAL_COURT) of a litigation case; thin over {@link CaseRecordsService}. */
@Component(service = ProceedingActionsResource.class, property = RestConstants.RESOURCE + "=true")
@Path("/litigation/cases/{id}/actions")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Litigation: the actions and dispositions per level (IMMIGRATION_JUDGE, BIA, FEDERAL_COURT) of a case")
public class ProceedingActionsResource {

    private static final RecordKind<ProceedingAction> KIND = RecordKind.ACTIONS;

    private final CaseRecordsService records;

    @Activate
    public ProceedingActionsResource(@Reference CaseRecordsService records) {
        this.records = records;
    }

    @GET
    @RequiresPermission({RecordsRest.READ_IMM, RecordsRest.READ_FED, RecordsRest.READ_ADM})
    @Doc("The case's actions and dispositions per level (IMMIGRATION_JUDGE, BIA, FEDERAL_COURT) a page at a time; sort=date|level|createdAt[,asc|desc]")
    public Page<ProceedingAction> list(@Context SecurityContext sc, @PathParam("id") String id, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("sort") String sort) {
        RecordsRest.Sort s = RecordsRest.Sort.parse(sort);
        return records.list(RestContext.caller(sc), RecordsRest.caseId(id), KIND, RecordsRest.integer("page", page, 0),
                RecordsRest.integer("size", size, 20), s.field(), s.ascending());
    }

    @GET
    @Path("/{recordId}")
    @RequiresPermission({RecordsRest.READ_IMM, RecordsRest.READ_FED, RecordsRest.READ_ADM})
    @Doc("One action of the case")
    public ProceedingAction get(@Context SecurityContext sc, @PathParam("id") String id,
            @PathParam("recordId") String recordId) {
        return records.get(RestContext.caller(sc), RecordsRest.caseId(id), KIND, RecordsRest.recordId(recordId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission({RecordsRest.UPDATE_IMM, RecordsRest.UPDATE_FED, RecordsRest.UPDATE_ADM})
    @Doc("Adds an action: level, date (not in the future) and action required; disposition, decisionMaker")
    public Response create(@Context SecurityContext sc, @PathParam("id") String id, ProceedingAction body) {
        ProceedingAction created = records.create(RestContext.caller(sc), RecordsRest.caseId(id), KIND, body);
        return Response.created(URI.create(RestConstants.BASE_PATH + "/litigation/cases/" + created.caseId() + "/"
                + KIND.path() + "/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{recordId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission({RecordsRest.UPDATE_IMM, RecordsRest.UPDATE_FED, RecordsRest.UPDATE_ADM})
    @Doc("Changes an action or records its disposition at the version read")
    public ProceedingAction update(@Context SecurityContext sc, @PathParam("id") String id,
            @PathParam("recordId") String recordId, ProceedingAction body) {
        return records.update(RestContext.caller(sc), RecordsRest.caseId(id), KIND, RecordsRest.recordId(recordId),
                body);
    }

    @DELETE
    @Path("/{recordId}")
    @RequiresPermission({RecordsRest.UPDATE_IMM, RecordsRest.UPDATE_FED, RecordsRest.UPDATE_ADM})
    @Doc("Removes a action at the version read (?version=)")
    public Response delete(@Context SecurityContext sc, @PathParam("id") String id,
            @PathParam("recordId") String recordId, @QueryParam("version") String version) {
        records.delete(RestContext.caller(sc), RecordsRest.caseId(id), KIND, RecordsRest.recordId(recordId),
                RecordsRest.version(version));
        return Response.noContent().build();
    }
}
