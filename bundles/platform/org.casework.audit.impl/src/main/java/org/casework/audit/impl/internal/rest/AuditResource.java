package org.casework.audit.impl.internal.rest;

import static org.casework.audit.impl.internal.rest.QueryParams.bad;
import static org.casework.audit.impl.internal.rest.QueryParams.blank;
import static org.casework.audit.impl.internal.rest.QueryParams.instant;
import static org.casework.audit.impl.internal.rest.QueryParams.integer;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;

import org.casework.audit.api.AuditEntry;
import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.AuditPage;
import org.casework.audit.api.AuditQuery;
import org.casework.audit.api.AuditService;
import org.casework.audit.api.FieldChange;
import org.casework.audit.api.Verification;
import org.casework.core.api.CaseworkException;
import org.casework.core.api.FieldError;
import org.casework.rest.api.Doc;
import org.casework.rest.api.RequiresPermission;
import org.casework.rest.api.RequiresRole;
import org.casework.rest.api.RestConstants;
import org.casework.rest.api.RestContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The auditor's API: search the trail, verify its chain, export it as CSV. */
@Component(service = AuditResource.class, property = RestConstants.RESOURCE + "=true")
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(AuditResource.AUDITOR)
@RequiresPermission("audit:read")
@Doc("The audit trail (auditors)")
public class AuditResource {

    static final String AUDITOR = "auditor";
    private static final int EXPORT_MAX = 100_000;

    private final AuditService audit;

    @Activate
    public AuditResource(@Reference AuditService audit) {
        this.audit = audit;
    }

    @GET
    @Doc("Searches the audit trail, newest first; from/to are ISO-8601 instants")
    public AuditPage search(@QueryParam("actor") String actor, @QueryParam("recordType") String recordType,
            @QueryParam("recordId") String recordId, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return audit.search(query(actor, recordType, recordId, action, from, to, page, size, 50));
    }

    @GET
    @Path("/verify")
    @RequiresPermission("audit:verify")
    @Doc("Checks every entry and the hash chain: intact, or the first broken entry")
    public Map<String, Object> verify() {
        Verification v = audit.verify();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("intact", v.intact());
        out.put("entries", v.entries());
        if (!v.intact()) {
            out.put("position", v.position());
            out.put("entryId", v.entryId());
            out.put("reason", v.reason());
        }
        return out;
    }

    @GET
    @Path("/export.csv")
    @RequiresPermission("audit:export")
    @Produces("text/csv")
    @Doc("Exports the entries matching the same filters as CSV, newest first")
    public Response export(@Context SecurityContext sc, @Context HttpServletRequest request,
            @QueryParam("actor") String actor, @QueryParam("recordType") String recordType,
            @QueryParam("recordId") String recordId, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        AuditQuery q = query(actor, recordType, recordId, action, from, to, null, null, AuditQuery.MAX_SIZE);
        String filters = describe(actor, recordType, recordId, action, from, to);
        audit.record(RestContext.caller(sc), new AuditEvent("export", "audit", null, AuditEvent.SUCCESS,
                request == null ? null : request.getRemoteAddr(), List.of(), filters));
        StreamingOutput body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write("id,position,at,actor,system,remoteAddress,action,recordType,recordId,outcome,changes,detail\r\n");
            int written = 0;
            for (int page = 0; written < EXPORT_MAX; page++) {
                AuditPage p = audit.search(new AuditQuery(q.actor(), q.recordType(), q.recordId(), q.action(),
                        q.from(), q.to(), page, AuditQuery.MAX_SIZE));
                for (AuditEntry e : p.items()) {
                    w.write(row(e));
                    written++;
                }
                if (p.items().size() < AuditQuery.MAX_SIZE) {
                    break;
                }
            }
            w.flush();
        };
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }

    private static String row(AuditEntry e) {
        String changes = e.changes().stream().map(AuditResource::change).collect(Collectors.joining("; "));
        return String.join(",", List.of(String.valueOf(e.id()), e.position() == null ? "" : e.position().toString(),
                e.at().toString(), csv(e.actor()), String.valueOf(e.system()), csv(e.remoteAddress()), csv(e.action()),
                csv(e.recordType()), csv(e.recordId()), csv(e.outcome()), csv(changes), csv(e.detail()))) + "\r\n";
    }

    private static String change(FieldChange c) {
        return c.field() + ": " + (c.oldValue() == null ? "" : c.oldValue()) + " -> "
                + (c.newValue() == null ? "" : c.newValue());
    }

    /** Quotes a CSV cell, and defuses cells a spreadsheet would run as a formula. */
    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        String v = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private static String describe(String... values) {
        String[] names = {"actor", "recordType", "recordId", "action", "from", "to"};
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null && !values[i].isBlank()) {
                b.append(b.length() == 0 ? "" : "&").append(names[i]).append('=').append(values[i].strip());
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    private static AuditQuery query(String actor, String recordType, String recordId, String action, String from,
            String to, String page, String size, int defaultSize) {
        int p = integer("page", page, 0, 0, 100_000);
        int s = integer("size", size, defaultSize, 1, AuditQuery.MAX_SIZE);
        Instant f = instant("from", from);
        Instant t = instant("to", to);
        if (f != null && t != null && !f.isBefore(t)) {
            throw bad("to", "range", "\"to\" must be after \"from\".");
        }
        return new AuditQuery(actor, recordType, recordId, action, f, t, p, s);
    }



}
