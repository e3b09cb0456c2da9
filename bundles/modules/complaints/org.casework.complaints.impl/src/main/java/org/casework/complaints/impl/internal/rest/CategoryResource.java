package org.casework.complaints.impl.internal.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.AuditService;
import org.casework.complaints.impl.internal.CategoryCatalog;
import org.casework.complaints.impl.internal.persistence.Rows;
import org.casework.rest.api.Doc;
import org.casework.rest.api.RequiresPermission;
import org.casework.rest.api.RestConstants;
import org.casework.rest.api.RestContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The complaint categories: everyone who works with complaints reads them; administrators add and change them. */
@Component(service = CategoryResource.class, property = RestConstants.RESOURCE + "=true")
@Path("/complaint-categories")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Complaint categories")
public class CategoryResource {

    /** Body of a category change. {@code active} false keeps the category for old complaints only. */
    public record CategoryRequest(String label, Boolean active) {
    }

    private final CategoryCatalog catalog;
    private final AuditService audit;

    @Activate
    public CategoryResource(@Reference CategoryCatalog catalog, @Reference AuditService audit) {
        this.catalog = catalog;
        this.audit = audit;
    }

    @GET
    @RequiresPermission({ComplaintResource.READ, ComplaintResource.CREATE})
    @Doc("Lists the complaint categories, by label")
    public List<Rows.Category> list() {
        return catalog.all();
    }

    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("complaint-categories:update")
    @Doc("Adds a category or changes its label or active flag")
    public Rows.Category save(@Context SecurityContext sc, @PathParam("key") String key, CategoryRequest body) {
        Rows.Category saved = catalog.save(key, body == null ? null : body.label(), body == null ? null : body.active());
        audit.record(RestContext.caller(sc), AuditEvent.success("update", "complaint-category", saved.key(),
                saved.label() + (saved.active() ? "" : " (inactive)")));
        return saved;
    }
}
