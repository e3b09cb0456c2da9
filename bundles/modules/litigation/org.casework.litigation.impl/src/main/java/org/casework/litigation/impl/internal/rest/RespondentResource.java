package org.casework.litigation.impl.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.casework.litigation.api.CaseRecordsService;
import org.casework.litigation.api.Respondent;
import org.casework.rest.api.Doc;
import org.casework.rest.api.RequiresPermission;
import org.casework.rest.api.RestConstants;
import org.casework.rest.api.RestContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The respondent of an immigration case with the age worked out from the date of birth. */
@Component(service = RespondentResource.class, property = RestConstants.RESOURCE + "=true")
@Path("/litigation/cases/{id}/respondent")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Litigation: the respondent of an immigration case")
public class RespondentResource {

    private final CaseRecordsService records;

    @Activate
    public RespondentResource(@Reference CaseRecordsService records) {
        this.records = records;
    }

    @GET
    @RequiresPermission(RecordsRest.READ_IMM)
    @Doc("The respondent's name, also-known-as names, date of birth and age in whole years")
    public Respondent respondent(@Context SecurityContext sc, @PathParam("id") String id) {
        return records.respondent(RestContext.caller(sc), RecordsRest.caseId(id));
    }
}
