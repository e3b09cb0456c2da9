package org.casework.complaints.impl.internal.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
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

import org.casework.complaints.impl.internal.persistence.Rows;
import org.casework.complaints.impl.internal.service.ComplaintService;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.Page;
import org.casework.core.api.ValidationException;
import org.casework.rest.api.Doc;
import org.casework.rest.api.RequiresPermission;
import org.casework.rest.api.RestConstants;
import org.casework.rest.api.RestContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The complaint work beyond the generic case API ({@code /api/v1/cases/complaint}): intake,
 * triage, queues, engagement and correspondence logs, resolution. Thin: the service checks
 * need-to-know through the case engine and validates.
 */
@Component(service = ComplaintResource.class, property = RestConstants.RESOURCE + "=true")
@Path("/complaints")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Complaints: intake, triage, queues and resolution")
public class ComplaintResource {

    static final String CREATE = "case.complaint:create";
    static final String READ = "case.complaint:read";
    static final String UPDATE = "case.complaint:update";

    /**
     * Body of a staff intake: the complaint's fields as in the case type, and optionally the
     * files that came with it (the scanned paper form, supporting documents), stored in the
     * same transaction.
     */
    public record IntakeRequest(Map<String, Object> fields, List<IntakeFile> attachments) {
    }

    /** A file sent with an intake: its name, claimed type and content in base64. */
    public record IntakeFile(String fileName, String contentType, String content) {
    }

    /** Body of a triage outcome: accept, refer (with referredTo) or decline (with a reason in note). */
    public record TriageRequest(String outcome, String referredTo, String note) {
    }

    /** Body of a resolution. */
    public record ResolutionRequest(String outcome, String summary) {
    }

    /** Body of a reopening. */
    public record ReopenRequest(String reason) {
    }

    /** Body of a destruction confirmation. */
    public record DestructionRequest(String note) {
    }

    /** Body of an engagement: when (ISO instant, default now), with whom, how, what, follow up when (yyyy-mm-dd). */
    public record EngagementRequest(String contactedAt, String party, String channel, String summary,
            String followUpOn) {
    }

    /** Body of a correspondence entry for something sent outside the system. */
    public record CorrespondenceRequest(String recipientKind, String medium, String recipient, String subject,
            String sentAt, Long attachmentId) {
    }

    private final ComplaintService complaints;

    @Activate
    public ComplaintResource(@Reference ComplaintService complaints) {
        this.complaints = complaints;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(CREATE)
    @Doc("Enters a complaint received in person, by mail, e-mail, fax or telephone; confirms to the submitter "
            + "and lists prior complaints about the detainee")
    public Response intake(@Context SecurityContext sc, @QueryParam("division") String division, IntakeRequest body) {
        List<ComplaintService.Upload> uploads = new ArrayList<>();
        if (body != null && body.attachments() != null) {
            for (int i = 0; i < body.attachments().size(); i++) {
                IntakeFile f = body.attachments().get(i);
                try {
                    uploads.add(new ComplaintService.Upload(f == null ? null : f.fileName(),
                            f == null ? null : f.contentType(),
                            Base64.getMimeDecoder().decode(f == null || f.content() == null ? "" : f.content())));
                } catch (IllegalArgumentException e) {
                    throw new ValidationException("attachments[" + i + "].content", "base64",
                            "Send the file's content in base64.");
                }
            }
        }
        ComplaintService.IntakeResult r = complaints.intake(RestContext.caller(sc),
                body == null ? null : body.fields(), uploads, division, null);
        return Response.created(URI.create(RestConstants.BASE_PATH + "/complaints/" + r.complaint().id()))
                .entity(r).build();
    }

    @GET
    @Path("/queues/{queue}")
    @RequiresPermission(READ)
    @Doc("A work queue (mine, unassigned, emergency, overdue): open complaints, emergencies first, then oldest")
    public Page<ComplaintService.QueueItem> queue(@Context SecurityContext sc, @PathParam("queue") String queue,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return complaints.queue(RestContext.caller(sc), queue, integer("page", page, 0), integer("size", size, 20));
    }

    @GET
    @Path("/{id}")
    @RequiresPermission(READ)
    @Doc("A complaint with its intake facts, triage and resolution outcomes, and the triage checks")
    public ComplaintService.Summary get(@Context SecurityContext sc, @PathParam("id") String id) {
        return complaints.summary(RestContext.caller(sc), id(id));
    }

    @GET
    @Path("/{id}/prior")
    @RequiresPermission(READ)
    @Doc("Prior complaints about the same detainee (A-Number, names, aliases, date of birth), each with why it "
            + "matched, best first: the 25 best unless ?limit= asks for up to 200")
    public List<ComplaintService.PriorMatch> prior(@Context SecurityContext sc, @PathParam("id") String id,
            @QueryParam("limit") String limit) {
        return complaints.prior(RestContext.caller(sc), id(id),
                integer("limit", limit, ComplaintService.PRIOR_SHOWN));
    }

    @POST
    @Path("/{id}/triage")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(UPDATE)
    @Doc("Records the triage outcome: accept, refer to an agency, or decline with a reason")
    public ComplaintService.Summary triage(@Context SecurityContext sc, @PathParam("id") String id, TriageRequest body) {
        TriageRequest b = body == null ? new TriageRequest(null, null, null) : body;
        return complaints.triage(RestContext.caller(sc), id(id), b.outcome(), b.referredTo(), b.note());
    }

    @POST
    @Path("/{id}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(UPDATE)
    @Doc("Resolves the complaint with an outcome; it closes and becomes inactive")
    public ComplaintService.Summary resolve(@Context SecurityContext sc, @PathParam("id") String id,
            ResolutionRequest body) {
        ResolutionRequest b = body == null ? new ResolutionRequest(null, null) : body;
        return complaints.resolve(RestContext.caller(sc), id(id), b.outcome(), b.summary());
    }

    @POST
    @Path("/{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(UPDATE)
    @Doc("Reopens a closed complaint for a reason; it goes back to triage")
    public ComplaintService.Summary reopen(@Context SecurityContext sc, @PathParam("id") String id, ReopenRequest body) {
        return complaints.reopen(RestContext.caller(sc), id(id), body == null ? null : body.reason());
    }

    @POST
    @Path("/{id}/destruction")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(UPDATE)
    @Doc("Confirms that the paper or e-mail original was destroyed after entry")
    public ComplaintService.Summary destruction(@Context SecurityContext sc, @PathParam("id") String id,
            DestructionRequest body) {
        return complaints.confirmDestruction(RestContext.caller(sc), id(id), body == null ? null : body.note());
    }

    @GET
    @Path("/{id}/engagements")
    @RequiresPermission(READ)
    @Doc("The engagement log: contacts with ICE, CBP, their offices and others, oldest first")
    public List<Rows.Engagement> engagements(@Context SecurityContext sc, @PathParam("id") String id) {
        return complaints.engagements(RestContext.caller(sc), id(id));
    }

    @POST
    @Path("/{id}/engagements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(UPDATE)
    @Doc("Logs a contact; a follow-up date raises a reminder when it arrives")
    public Response addEngagement(@Context SecurityContext sc, @PathParam("id") String id, EngagementRequest body) {
        EngagementRequest b = body == null ? new EngagementRequest(null, null, null, null, null) : body;
        Rows.Engagement e = complaints.addEngagement(RestContext.caller(sc), id(id), b.contactedAt(), b.party(),
                b.channel(), b.summary(), b.followUpOn());
        return Response.status(Response.Status.CREATED).entity(e).build();
    }

    @GET
    @Path("/{id}/correspondence")
    @RequiresPermission(READ)
    @Doc("The correspondence log: everything sent about the complaint, oldest first")
    public List<Rows.Correspondence> correspondence(@Context SecurityContext sc, @PathParam("id") String id) {
        return complaints.correspondence(RestContext.caller(sc), id(id));
    }

    @POST
    @Path("/{id}/correspondence")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(UPDATE)
    @Doc("Logs something sent outside the system (a letter, a fax, a call)")
    public Response addCorrespondence(@Context SecurityContext sc, @PathParam("id") String id,
            CorrespondenceRequest body) {
        CorrespondenceRequest b = body == null ? new CorrespondenceRequest(null, null, null, null, null, null) : body;
        Rows.Correspondence c = complaints.addCorrespondence(RestContext.caller(sc), id(id), b.recipientKind(),
                b.medium(), b.recipient(), b.subject(), b.sentAt(), b.attachmentId());
        return Response.status(Response.Status.CREATED).entity(c).build();
    }

    /** Path ids are parsed here so a malformed one is a 404 like any unknown id, not a 500. */
    static long id(String raw) {
        try {
            long v = Long.parseLong(raw);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new NotFoundException("Complaint " + raw);
    }

    static int integer(String name, String raw, int dflt) {
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "type", "\"" + name + "\" must be a whole number.");
        }
    }
}
