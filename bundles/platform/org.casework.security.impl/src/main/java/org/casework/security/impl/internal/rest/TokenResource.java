package org.casework.security.impl.internal.rest;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.casework.rest.api.Doc;
import org.casework.rest.api.PublicEndpoint;
import org.casework.rest.api.RestConstants;
import org.casework.security.api.AuthenticationService;
import org.casework.security.api.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code POST /api/v1/tokens}: API tokens for clients that cannot keep a cookie. */
@Component(service = TokenResource.class, property = RestConstants.RESOURCE + ":Boolean=true")
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
@Doc("API tokens, sent as Authorization: Bearer.")
public final class TokenResource {

    private final AuthenticationService authentication;

    @Activate
    public TokenResource(@Reference AuthenticationService authentication) {
        this.authentication = authentication;
    }

    @POST
    @PublicEndpoint
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Issues an API token for a user name and password; it is shown only this once.")
    public Response issue(Dto.Credentials body, @Context HttpServletRequest request) {
        Session session = RequestTokens.signIn(authentication, body, request, Session.Kind.API);
        return Response.status(Response.Status.CREATED)
                .entity(new Dto.TokenView(session.token(), session.expiresAt()))
                .build();
    }
}
