package org.casework.core.impl.internal.rest;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import java.math.BigDecimal;

import org.casework.core.api.AttachmentContent;
import org.casework.core.api.Caller;
import org.casework.core.api.AttachmentRecord;
import org.casework.core.api.CaseQuery;
import org.casework.core.api.CaseRecord;
import org.casework.core.api.CaseService;
import org.casework.core.api.HistoryEntry;
import org.casework.core.api.LinkRecord;
import org.casework.core.api.NoteRecord;
import org.casework.core.api.Page;
import org.casework.core.api.ValidationException;
import org.casework.core.api.access.Grant;
import org.casework.core.api.spi.CaseAction;
import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.core.api.spi.FieldDefinition;
import org.casework.core.api.spi.FieldType;
import org.casework.core.api.spi.WorkflowDefinition;
import org.casework.core.impl.internal.CaseGrants;
import org.casework.rest.api.Doc;
import org.casework.rest.api.PATCH;
import org.casework.rest.api.RestConstants;
import org.casework.rest.api.RestContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The generic case API: every registered case type gets these endpoints under
 * {@code /api/v1/cases/{type}}. Thin: the engine checks permissions and validates.
 */
@Component(service = CaseResource.class, property = RestConstants.RESOURCE + "=true")
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Cases of every registered type")
public class CaseResource {

    /** Body of a create request. */
    public record CreateCase(Map<String, Object> fields) {
    }

    /** Body of a partial update. {@code version} is the version the client read. */
    public record UpdateCase(Long version, Map<String, Object> fields) {
    }

    /** Body of a workflow move. */
    public record TransitionRequest(String transition, Long version, String comment) {
    }

    /** Body of an assignment change; null or empty clears. */
    public record AssignmentRequest(Long version, String assignee, String team) {
    }

    /** Body of a transfer to another owning division. */
    public record TransferRequest(Long version, String division, String reason) {
    }

    /** Body of a new note. */
    public record NoteRequest(String text) {
    }

    /** Body of a new link. */
    public record LinkRequest(Long otherCaseId, String relation) {
    }

    /**
     * Body of an administrator's correction of an authoritative-source field: the new value (in
     * the field's JSON shape; null clears), why, and the version read.
     */
    public record CorrectionRequest(Long version, Object value, String reason) {
    }

    /** Body of a new grant: the user name and {@code read} or {@code update}. */
    public record GrantRequest(String grantee, String action) {
    }

    /**
     * A case type as one caller sees it: its definition, with each field saying whether this
     * caller may read and set it.
     */
    public record CaseTypeView(String key, String label, String pluralLabel, String numberPrefix,
            String titleField, List<FieldView> fields, WorkflowDefinition workflow,
            Map<CaseAction, Set<String>> permissions) {

        static CaseTypeView of(CaseTypeDefinition d, Caller caller) {
            return new CaseTypeView(d.key(), d.label(), d.pluralLabel(), d.numberPrefix(), d.titleField(),
                    d.fields().stream().map(f -> FieldView.of(f, caller)).toList(), d.workflow(), d.permissions());
        }
    }

    /**
     * One field of a {@link CaseTypeView}. {@code readable} false: the caller never receives the
     * field's value; {@code editable} false: the caller may not send it. {@code authoritativeSource}
     * names the external system that owns the value: it may be sent when opening a case, never
     * changed afterwards (administrators correct it through {@code .../fields/{key}/correction}).
     */
    public record FieldView(String key, String label, FieldType type, boolean required, Integer maxLength,
            BigDecimal min, BigDecimal max, List<String> options, boolean notInFuture, boolean searchable,
            boolean listed, Set<String> editRoles, Set<String> readRestrictedTo, String help, boolean readable,
            boolean editable, String authoritativeSource) {

        static FieldView of(FieldDefinition f, Caller caller) {
            return new FieldView(f.key(), f.label(), f.type(), f.required(), f.maxLength(), f.min(), f.max(),
                    f.options(), f.notInFuture(), f.searchable(), f.listed(), f.editRoles(), f.readRestrictedTo(),
                    f.help(), f.readableBy(caller), f.editableBy(caller), f.authoritativeSource());
        }
    }

    private final CaseService cases;
    private final CaseGrants grants;

    @Activate
    public CaseResource(@Reference CaseService cases, @Reference CaseGrants grants) {
        this.cases = cases;
        this.grants = grants;
    }

    @GET
    @Doc("Lists the registered case types the caller may use, with their fields (saying which the caller may read "
            + "and edit) and workflows")
    public List<CaseTypeView> types(@Context SecurityContext sc) {
        Caller caller = RestContext.caller(sc);
        return cases.caseTypes(caller).stream().map(d -> CaseTypeView.of(d, caller)).toList();
    }

    @GET
    @Path("/{type}")
    @Doc("Lists and searches cases of a type, a page at a time; filter a field with f.<field>=value")
    public Page<CaseRecord> list(@Context SecurityContext sc, @Context UriInfo uri,
            @PathParam("type") String type, @QueryParam("q") String q, @QueryParam("status") String status,
            @QueryParam("assignee") String assignee, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("sort") String sort) {
        Map<String, String> filters = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((k, v) -> {
            if (k.startsWith("f.") && !v.isEmpty()) {
                filters.put(k.substring(2), v.get(0));
            }
        });
        String sortField = "createdAt";
        boolean ascending = false;
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.split(",", 2);
            sortField = parts[0].strip();
            if (parts.length > 1) {
                String dir = parts[1].strip().toLowerCase();
                if (!dir.equals("asc") && !dir.equals("desc")) {
                    throw new ValidationException("sort", "direction", "Sort direction must be asc or desc.");
                }
                ascending = dir.equals("asc");
            }
        }
        CaseQuery query = new CaseQuery(q, blankToNull(status), assignee, filters,
                integer("page", page, 0), integer("size", size, 20), sortField, ascending);
        return cases.search(RestContext.caller(sc), type, query);
    }

    @POST
    @Path("/{type}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Opens a case; the number is issued on save. A caller in several divisions names the owning one "
            + "with ?division=")
    public Response create(@Context SecurityContext sc, @PathParam("type") String type,
            @QueryParam("division") String division, CreateCase body) {
        if (body == null || body.fields() == null) {
            throw new ValidationException("fields", "required", "Send the case's fields in \"fields\".");
        }
        CaseRecord created = cases.create(RestContext.caller(sc), type, body.fields(), division);
        return Response.created(URI.create(RestConstants.BASE_PATH + "/cases/" + type + "/" + created.id()))
                .tag(etag(created)).entity(created).build();
    }

    @GET
    @Path("/{type}/{id}")
    @Doc("Reads one case")
    public Response get(@Context SecurityContext sc, @PathParam("type") String type, @PathParam("id") String id) {
        CaseRecord c = cases.get(RestContext.caller(sc), type, id(id));
        return Response.ok(c).tag(etag(c)).build();
    }

    @PATCH
    @Path("/{type}/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Changes the given fields; send the version you read (a stale version answers 409)")
    public Response update(@Context SecurityContext sc, @PathParam("type") String type, @PathParam("id") String id,
            @HeaderParam("If-Match") String ifMatch, UpdateCase body) {
        if (body == null || body.fields() == null) {
            throw new ValidationException("fields", "required", "Send the fields to change in \"fields\".");
        }
        CaseRecord c = cases.update(RestContext.caller(sc), type, id(id), version(body.version(), ifMatch), body.fields());
        return Response.ok(c).tag(etag(c)).build();
    }

    @POST
    @Path("/{type}/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Moves the case along its workflow")
    public Response transition(@Context SecurityContext sc, @PathParam("type") String type, @PathParam("id") String id,
            @HeaderParam("If-Match") String ifMatch, TransitionRequest body) {
        if (body == null) {
            throw new ValidationException("transition", "required", "Choose a transition.");
        }
        CaseRecord c = cases.transition(RestContext.caller(sc), type, id(id), version(body.version(), ifMatch),
                body.transition(), body.comment());
        return Response.ok(c).tag(etag(c)).build();
    }

    @PUT
    @Path("/{type}/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Assigns the case to a user and/or team")
    public Response assign(@Context SecurityContext sc, @PathParam("type") String type, @PathParam("id") String id,
            @HeaderParam("If-Match") String ifMatch, AssignmentRequest body) {
        if (body == null) {
            throw new ValidationException("version", "required", "Send the version you read.");
        }
        CaseRecord c = cases.assign(RestContext.caller(sc), type, id(id), version(body.version(), ifMatch),
                body.assignee(), body.team());
        return Response.ok(c).tag(etag(c)).build();
    }

    @PUT
    @Path("/{type}/{id}/owner-division")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Transfers the case to another owning division (office), with a reason; needs case.<type>:transfer")
    public Response transfer(@Context SecurityContext sc, @PathParam("type") String type, @PathParam("id") String id,
            @HeaderParam("If-Match") String ifMatch, TransferRequest body) {
        if (body == null) {
            throw new ValidationException("version", "required", "Send the version you read.");
        }
        CaseRecord c = cases.transfer(RestContext.caller(sc), type, id(id), version(body.version(), ifMatch),
                body.division(), body.reason());
        return Response.ok(c).tag(etag(c)).build();
    }

    @GET
    @Path("/{type}/{id}/notes")
    @Doc("Lists the case's notes, oldest first")
    public List<NoteRecord> notes(@Context SecurityContext sc, @PathParam("type") String type, @PathParam("id") String id) {
        return cases.notes(RestContext.caller(sc), type, id(id));
    }

    @POST
    @Path("/{type}/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Adds a note")
    public Response addNote(@Context SecurityContext sc, @PathParam("type") String type, @PathParam("id") String id,
            NoteRequest body) {
        NoteRecord n = cases.addNote(RestContext.caller(sc), type, id(id), body == null ? null : body.text());
        return Response.status(Response.Status.CREATED).entity(n).build();
    }

    @GET
    @Path("/{type}/{id}/attachments")
    @Doc("Lists the case's attachments")
    public List<AttachmentRecord> attachments(@Context SecurityContext sc, @PathParam("type") String type,
            @PathParam("id") String id) {
        return cases.attachments(RestContext.caller(sc), type, id(id));
    }

    @POST
    @Path("/{type}/{id}/attachments")
    @Consumes(MediaType.WILDCARD)
    @Doc("Attaches a file: send its bytes as the body, its type as Content-Type and its name as ?fileName=")
    public Response attach(@Context SecurityContext sc, @PathParam("type") String type, @PathParam("id") String id,
            @QueryParam("fileName") String fileName, @HeaderParam("Content-Type") String contentType,
            InputStream body) {
        AttachmentRecord a = cases.addAttachment(RestContext.caller(sc), type, id(id), fileName, contentType, body);
        return Response.status(Response.Status.CREATED).entity(a).build();
    }

    @GET
    @Path("/{type}/{id}/attachments/{attachmentId}/content")
    @Produces(MediaType.WILDCARD)
    @Doc("Downloads an attachment (always as a download, never shown inline)")
    public Response download(@Context SecurityContext sc, @PathParam("type") String type, @PathParam("id") String id,
            @PathParam("attachmentId") String attachmentId) {
        AttachmentContent a = cases.attachment(RestContext.caller(sc), type, id(id), id(attachmentId));
        String encoded = java.net.URLEncoder.encode(a.attachment().fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(a.content(), a.attachment().contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    @GET
    @Path("/{type}/{id}/links")
    @Doc("Lists the cases linked to this one")
    public List<LinkRecord> links(@Context SecurityContext sc, @PathParam("type") String type, @PathParam("id") String id) {
        return cases.links(RestContext.caller(sc), type, id(id));
    }

    @POST
    @Path("/{type}/{id}/links")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Links this case to another")
    public Response link(@Context SecurityContext sc, @PathParam("type") String type, @PathParam("id") String id,
            LinkRequest body) {
        if (body == null || body.otherCaseId() == null) {
            throw new ValidationException("otherCaseId", "required", "Choose the case to link to.");
        }
        LinkRecord l = cases.link(RestContext.caller(sc), type, id(id), body.otherCaseId(), body.relation());
        return Response.status(Response.Status.CREATED).entity(l).build();
    }

    @GET
    @Path("/{type}/{id}/history")
    @Doc("The case's full history of changes, oldest first")
    public List<HistoryEntry> history(@Context SecurityContext sc, @PathParam("type") String type,
            @PathParam("id") String id) {
        return cases.history(RestContext.caller(sc), type, id(id));
    }

    @POST
    @Path("/{type}/{id}/fields/{key}/correction")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Administrators only: corrects a field whose value comes from an external system (its authoritativeSource), "
            + "with a mandatory reason; audited and shown in the history with the reason")
    public Response correct(@Context SecurityContext sc, @PathParam("type") String type, @PathParam("id") String id,
            @PathParam("key") String key, @HeaderParam("If-Match") String ifMatch, CorrectionRequest body) {
        if (body == null) {
            throw new ValidationException("reason", "required", "Send the corrected value and the reason.");
        }
        CaseRecord c = cases.correctField(RestContext.caller(sc), type, id(id), version(body.version(), ifMatch), key,
                body.value(), body.reason());
        return Response.ok(c).tag(etag(c)).build();
    }

    @POST
    @Path("/{type}/{id}/fields/refresh")
    @Doc("Asks the installed external systems that own fields of this case (its authoritative sources) for their "
            + "current values and stores those that arrive; needs the right to change the case")
    public Response refreshFromSources(@Context SecurityContext sc, @PathParam("type") String type,
            @PathParam("id") String id) {
        CaseRecord c = cases.refreshFromSources(RestContext.caller(sc), type, id(id));
        return Response.ok(c).tag(etag(c)).build();
    }

    @GET
    @Path("/{type}/{id}/grants")
    @Doc("Lists the users the case was shared with one by one")
    public List<Grant> grants(@Context SecurityContext sc, @PathParam("type") String type, @PathParam("id") String id) {
        return grants.grants(RestContext.caller(sc), type, id(id));
    }

    @POST
    @Path("/{type}/{id}/grants")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Shares the case with one more user (action read or update); only its creator and administrators may")
    public Response grant(@Context SecurityContext sc, @PathParam("type") String type, @PathParam("id") String id,
            GrantRequest body) {
        if (body == null) {
            throw new ValidationException("grantee", "required", "Name the user to share the case with.");
        }
        long caseId = id(id);
        Grant g = grants.grant(RestContext.caller(sc), type, caseId, body.grantee(), body.action());
        return Response.created(URI.create(RestConstants.BASE_PATH + "/cases/" + type + "/" + caseId + "/grants/"
                + java.net.URLEncoder.encode(g.grantee(), StandardCharsets.UTF_8).replace("+", "%20") + "/" + g.action()))
                .entity(g).build();
    }

    @DELETE
    @Path("/{type}/{id}/grants/{grantee}/{action}")
    @Doc("Takes a grant back")
    public Response revoke(@Context SecurityContext sc, @PathParam("type") String type, @PathParam("id") String id,
            @PathParam("grantee") String grantee, @PathParam("action") String action) {
        grants.revoke(RestContext.caller(sc), type, id(id), grantee, action);
        return Response.noContent().build();
    }

    private static EntityTag etag(CaseRecord c) {
        return new EntityTag(Long.toString(c.version()));
    }

    /** Path ids are parsed here so a malformed one is a 404 like any unknown id, not a 500. */
    private static long id(String raw) {
        try {
            long v = Long.parseLong(raw);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new org.casework.core.api.NotFoundException("Record " + raw);
    }

    private static long version(Long bodyVersion, String ifMatch) {
        if (bodyVersion != null) {
            return bodyVersion;
        }
        if (ifMatch != null) {
            try {
                return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").strip());
            } catch (NumberFormatException e) {
                throw new ValidationException("If-Match", "type", "If-Match must carry the version you read.");
            }
        }
        throw new ValidationException("version", "required", "Send the version of the case you read.");
    }

    private static int integer(String name, String raw, int dflt) {
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "type", "\"" + name + "\" must be a whole number.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
