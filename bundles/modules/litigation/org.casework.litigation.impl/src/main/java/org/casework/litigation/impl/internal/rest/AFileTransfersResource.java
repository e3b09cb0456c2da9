package org.casework.litigation.impl.internal.rest;

import java.net.URI;

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

import org.casework.core.api.Page;
import org.casework.litigation.api.CaseRecordsService;
import org.casework.litigation.api.AFileTransfer;
import org.casework.litigation.api.RecordKind;
import org.casework.rest.api.Doc;
import org.casework.rest.api.RequiresPermission;
import org.casework.rest.api.RestConstants;
import org.casework.rest.api.RestContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The A-File transfers (immigration cases) of a litigation case; thin over {@link CaseRecordsService}. */
@Component(service = AFileTransfersResource.class, property = RestConstants.RESOURCE + "=true")
@Path("/litigation/cases/{id}/a-file-transfers")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Litigation: the A-File transfers (immigration cases) of a case")
public class AFileTransfersResource {

    private static final RecordKind<AFileTransfer> KIND = RecordKind.A_FILE_TRANSFERS;

    private final CaseRecordsService records;

    @Activate
    public AFileTransfersResource(@Reference CaseRecordsService records) {
        this.records = records;
    }

    @GET
    @RequiresPermission({RecordsRest.READ_IMM, RecordsRest.READ_FED, RecordsRest.READ_ADM})
    @Doc("The case's A-File transfers (immigration cases) a page at a time; sort=date|createdAt[,asc|desc]")
    public Page<AFileTransfer> list(@Context SecurityContext sc, @PathParam("id") String id, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("sort") String sort) {
        RecordsRest.Sort s = RecordsRest.Sort.parse(sort);
        return records.list(RestContext.caller(sc), RecordsRest.caseId(id), KIND, RecordsRest.integer("page", page, 0),
                RecordsRest.integer("size", size, 20), s.field(), s.ascending());
    }

    @GET
    @Path("/{recordId}")
    @RequiresPermission({RecordsRest.READ_IMM, RecordsRest.READ_FED, RecordsRest.READ_ADM})
    @Doc("One transfer of the case")
    public AFileTransfer get(@Context SecurityContext sc, @PathParam("id") String id,
            @PathParam("recordId") String recordId) {
        return records.get(RestContext.caller(sc), RecordsRest.caseId(id), KIND, RecordsRest.recordId(recordId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission({RecordsRest.UPDATE_IMM, RecordsRest.UPDATE_FED, RecordsRest.UPDATE_ADM})
    @Doc("Records an A-File transfer (toLocation and date required, fromLocation defaults to the current location) and sets the case's aFileLocation")
    public Response create(@Context SecurityContext sc, @PathParam("id") String id, AFileTransfer body) {
        AFileTransfer created = records.create(RestContext.caller(sc), RecordsRest.caseId(id), KIND, body);
        return Response.created(URI.create(RestConstants.BASE_PATH + "/litigation/cases/" + created.caseId() + "/"
                + KIND.path() + "/" + created.id())).entity(created).build();
    }

    @DELETE
    @Path("/{recordId}")
    @RequiresPermission({RecordsRest.UPDATE_IMM, RecordsRest.UPDATE_FED, RecordsRest.UPDATE_ADM})
    @Doc("Refused with 422: a transfer is history; record a further transfer to correct the location")
    public Response delete(@Context SecurityContext sc, @PathParam("id") String id,
            @PathParam("recordId") String recordId, @QueryParam("version") String version) {
        records.delete(RestContext.caller(sc), RecordsRest.caseId(id), KIND, RecordsRest.recordId(recordId),
                RecordsRest.version(version));
        return Response.noContent().build();
    }
}
