package org.casework.security.impl.internal.rest;

import java.util.List;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.casework.core.api.Caller;
import org.casework.core.api.NotFoundException;
import org.casework.rest.api.Doc;
import org.casework.rest.api.PublicEndpoint;
import org.casework.rest.api.RestConstants;
import org.casework.rest.api.RestContext;
import org.casework.security.api.AuthenticationService;
import org.casework.security.api.Session;
import org.casework.security.api.SessionInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/session}: console sign-in, the current session, sign-out, and the caller's own
 * list of sessions and tokens.
 */
@Component(service = SessionResource.class, property = RestConstants.RESOURCE + ":Boolean=true")
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Console sessions: sign in, see the current session, sign out.")
public final class SessionResource {

    private final AuthenticationService authentication;

    @Activate
    public SessionResource(@Reference AuthenticationService authentication) {
        this.authentication = authentication;
    }

    @POST
    @PublicEndpoint
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Signs in with a user name and password; the session travels in an HttpOnly cookie.")
    public Response signIn(Dto.Credentials body, @Context HttpServletRequest request) {
        Session session = RequestTokens.signIn(authentication, body, request, Session.Kind.BROWSER);
        return Response.ok(Dto.SessionView.of(session.caller(), session.csrfToken(), session.expiresAt()))
                .header("Set-Cookie", RequestTokens.sessionCookie(session.token(), RequestTokens.secure(request)))
                .build();
    }

    @GET
    @Doc("The signed-in user and, for console sessions, the CSRF token to echo on changes.")
    public Dto.SessionView current(@Context SecurityContext securityContext,
            @Context HttpHeaders headers) {
        Caller caller = RestContext.caller(securityContext);
        String token = RequestTokens.token(headers);
        Optional<Session> session = token == null ? Optional.empty() : authentication.resolve(token);
        return Dto.SessionView.of(caller, session.map(Session::csrfToken).orElse(null),
                session.map(Session::expiresAt).orElse(null));
    }

    @DELETE
    @Doc("Signs out: ends the session or API token used for this request.")
    public Response signOut(@Context HttpHeaders headers, @Context HttpServletRequest request) {
        String token = RequestTokens.token(headers);
        if (token != null) {
            authentication.close(token);
        }
        return Response.noContent()
                .header("Set-Cookie", RequestTokens.clearedCookie(RequestTokens.secure(request)))
                .build();
    }

    @GET
    @Path("list")
    @Doc("Your open sessions and API tokens: when made, last used, from where, which kind, and "
            + "which one this request uses. Tokens are never shown.")
    public List<SessionInfo> list(@Context SecurityContext securityContext,
            @Context HttpHeaders headers) {
        return authentication.sessions(RestContext.caller(securityContext),
                RequestTokens.token(headers));
    }

    @DELETE
    @Path("list/{id}")
    @Doc("Ends one of your own sessions or API tokens by its id from the list.")
    public Response end(@PathParam("id") String id, @Context SecurityContext securityContext) {
        if (!authentication.closeSession(RestContext.caller(securityContext), id)) {
            throw new NotFoundException("The session");
        }
        return Response.noContent().build();
    }
}
