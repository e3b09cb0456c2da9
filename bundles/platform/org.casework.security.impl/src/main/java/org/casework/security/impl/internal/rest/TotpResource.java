package org.casework.security.impl.internal.rest;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.casework.rest.api.Doc;
import org.casework.rest.api.RestConstants;
import org.casework.rest.api.RestContext;
import org.casework.security.impl.internal.service.TwoFactorService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/users/me/totp}: each user's own two-factor sign-in. */
@Component(service = TotpResource.class, property = RestConstants.RESOURCE + ":Boolean=true")
@Path("users/me/totp")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Two-factor sign-in (authenticator app codes) for your own account.")
public final class TotpResource {

    private final TwoFactorService twoFactor;

    @Activate
    public TotpResource(@Reference TwoFactorService twoFactor) {
        this.twoFactor = twoFactor;
    }

    @POST
    @Doc("Starts setting up two-factor sign-in: the secret for your authenticator app and ten "
            + "recovery codes, shown only this once. Nothing changes until you confirm a code.")
    public Dto.TotpEnrolment enrol(@Context SecurityContext sc,
            @Context HttpServletRequest request) {
        TwoFactorService.Enrolment e = twoFactor.enrol(RestContext.caller(sc),
                RequestTokens.remote(request));
        return new Dto.TotpEnrolment(e.secret(), e.otpauthUri(), e.recoveryCodes());
    }

    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Turns two-factor sign-in on with a code your authenticator app shows.")
    public Response confirm(Dto.OtpCode body, @Context SecurityContext sc,
            @Context HttpServletRequest request) {
        twoFactor.confirm(RestContext.caller(sc), body == null ? null : body.code(),
                RequestTokens.remote(request));
        return Response.noContent().build();
    }

    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Turns two-factor sign-in off with a current code; refused while your role requires it.")
    public Response disable(Dto.OtpCode body, @Context SecurityContext sc,
            @Context HttpServletRequest request) {
        twoFactor.disable(RestContext.caller(sc), body == null ? null : body.code(),
                RequestTokens.remote(request));
        return Response.noContent().build();
    }
}
