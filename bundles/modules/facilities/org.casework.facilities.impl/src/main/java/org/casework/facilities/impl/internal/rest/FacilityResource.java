package org.casework.facilities.impl.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

import org.casework.core.api.NotFoundException;
import org.casework.core.api.Page;
import org.casework.core.api.PayloadTooLargeException;
import org.casework.core.api.ValidationException;
import org.casework.facilities.api.ContactInput;
import org.casework.facilities.api.FacilityInput;
import org.casework.facilities.api.FacilityQuery;
import org.casework.facilities.api.FacilityRecord;
import org.casework.facilities.api.FacilityService;
import org.casework.facilities.api.ImportResult;
import org.casework.facilities.api.PointOfContact;
import org.casework.rest.api.Doc;
import org.casework.rest.api.RequiresPermission;
import org.casework.rest.api.RestConstants;
import org.casework.rest.api.RestContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/facilities}: the facility reference list and its points of contact. */
@Component(service = FacilityResource.class, property = RestConstants.RESOURCE + ":Boolean=true")
@Path("facilities")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Detention facilities and the points of contact at ICE and CBP facilities.")
public final class FacilityResource {

    /** The largest CSV file accepted. */
    static final int MAX_CSV_BYTES = 5 * 1024 * 1024;

    private final FacilityService facilities;

    @Activate
    public FacilityResource(@Reference FacilityService facilities) {
        this.facilities = facilities;
    }

    @GET
    @RequiresPermission({FacilityService.READ, FacilityService.UPDATE})
    @Doc("Lists facilities a page at a time. q: words to find in code, name, operator, type, address "
            + "or area of responsibility; active, inJurisdiction: true or false; sort: one of code, name, "
            + "operator, facilityType, areaOfResponsibility, inJurisdiction, active, updatedAt, optionally "
            + "followed by ,asc or ,desc (default name,asc); page (from 0) and size (default 20, at most 200).")
    public Page<FacilityRecord> list(@Context SecurityContext sc, @QueryParam("q") String q,
            @QueryParam("active") String active, @QueryParam("inJurisdiction") String inJurisdiction,
            @QueryParam("sort") String sort, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        String sortKey = null;
        boolean descending = false;
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.split(",", 2);
            sortKey = parts[0].strip();
            if (parts.length > 1) {
                String direction = parts[1].strip().toLowerCase(Locale.ROOT);
                if (!direction.equals("asc") && !direction.equals("desc")) {
                    throw new ValidationException("sort", "direction", "Sort direction must be asc or desc.");
                }
                descending = direction.equals("desc");
            }
        }
        return facilities.list(RestContext.caller(sc), new FacilityQuery(q, bool("active", active),
                bool("inJurisdiction", inJurisdiction), sortKey, descending, integer("page", page, 0),
                integer("size", size, 20)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FacilityService.UPDATE)
    @Doc("Adds a facility. code and name are required; inJurisdiction and active default to true.")
    public Response create(@Context SecurityContext sc, FacilityInput input) {
        FacilityRecord created = facilities.create(RestContext.caller(sc), input);
        return Response.created(URI.create(RestConstants.BASE_PATH + "/facilities/" + created.code()))
                .entity(created).build();
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RequiresPermission(FacilityService.UPDATE)
    @Doc("Imports a CSV file (UTF-8, header row; see docs/facilities.md): creates or updates each "
            + "facility by code and adds the points of contact named. All or nothing: any bad line "
            + "refuses the file with an error per line and column. At most 5 MB and 10,000 rows.")
    public ImportResult importCsv(@Context SecurityContext sc, InputStream body) {
        return facilities.importCsv(RestContext.caller(sc), new StringReader(utf8(body)));
    }

    @GET
    @Path("{code}")
    @RequiresPermission({FacilityService.READ, FacilityService.UPDATE})
    @Doc("One facility, active or not.")
    public FacilityRecord get(@Context SecurityContext sc, @PathParam("code") String code) {
        return facilities.get(RestContext.caller(sc), code)
                .orElseThrow(() -> new NotFoundException("The facility"));
    }

    @POST
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FacilityService.UPDATE)
    @Doc("Adds a facility under the code in the path.")
    public Response createAt(@Context SecurityContext sc, @PathParam("code") String code, FacilityInput input) {
        if (input == null) {
            throw new ValidationException(null, "required", "Send the facility.");
        }
        if (input.code() != null && !input.code().isBlank() && !input.code().strip().equalsIgnoreCase(code.strip())) {
            throw new ValidationException("code", "mismatch", "The code in the body differs from the one in the path.");
        }
        return create(sc, new FacilityInput(code, input.name(), input.operator(), input.facilityType(),
                input.address(), input.areaOfResponsibility(), input.inJurisdiction(), input.active(), null));
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FacilityService.UPDATE)
    @Doc("Replaces a facility's data; send the version you read (409 if someone changed it since). "
            + "inJurisdiction and active left out stay as they are.")
    public FacilityRecord update(@Context SecurityContext sc, @PathParam("code") String code, FacilityInput input) {
        return facilities.update(RestContext.caller(sc), code, input);
    }

    @POST
    @Path("{code}/deactivate")
    @RequiresPermission(FacilityService.UPDATE)
    @Doc("Marks a facility inactive (facilities are never deleted); ?version= the version you read.")
    public FacilityRecord deactivate(@Context SecurityContext sc, @PathParam("code") String code,
            @QueryParam("version") String version) {
        if (version == null || version.isBlank()) {
            throw new ValidationException("version", "required", "Send the version you read.");
        }
        return facilities.deactivate(RestContext.caller(sc), code, integer("version", version, 0));
    }

    @GET
    @Path("{code}/contacts")
    @RequiresPermission({FacilityService.READ, FacilityService.UPDATE})
    @Doc("The facility's points of contact, by agency then name.")
    public Map<String, List<PointOfContact>> contacts(@Context SecurityContext sc, @PathParam("code") String code) {
        return Map.of("items", facilities.contacts(RestContext.caller(sc), code));
    }

    @POST
    @Path("{code}/contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FacilityService.UPDATE)
    @Doc("Adds a point of contact: agency (ICE or CBP), name and email, all required.")
    public Response addContact(@Context SecurityContext sc, @PathParam("code") String code, ContactInput input) {
        PointOfContact added = facilities.addContact(RestContext.caller(sc), code, input);
        return Response.created(URI.create(RestConstants.BASE_PATH + "/facilities/" + added.facilityCode()
                + "/contacts/" + added.id())).entity(added).build();
    }

    @PUT
    @Path("{code}/contacts/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FacilityService.UPDATE)
    @Doc("Replaces a point of contact's agency, name and email.")
    public PointOfContact updateContact(@Context SecurityContext sc, @PathParam("code") String code,
            @PathParam("id") String id, ContactInput input) {
        return facilities.updateContact(RestContext.caller(sc), code, contactId(id), input);
    }

    @DELETE
    @Path("{code}/contacts/{id}")
    @RequiresPermission(FacilityService.UPDATE)
    @Doc("Removes a point of contact.")
    public Response removeContact(@Context SecurityContext sc, @PathParam("code") String code,
            @PathParam("id") String id) {
        facilities.removeContact(RestContext.caller(sc), code, contactId(id));
        return Response.noContent().build();
    }

    // ---- parameters

    private static long contactId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("The point of contact");
        }
    }

    static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new ValidationException(name, "boolean", "Write true or false.");
        };
    }

    static int integer(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "number", "Write a whole number.");
        }
    }

    /** The body as UTF-8 text, refusing files over the limit and bytes that are not UTF-8. */
    static String utf8(InputStream body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(MAX_CSV_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_CSV_BYTES) {
            throw new PayloadTooLargeException("file", MAX_CSV_BYTES);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ValidationException("file", "encoding", "Save the file as UTF-8 text.");
        }
    }
}
