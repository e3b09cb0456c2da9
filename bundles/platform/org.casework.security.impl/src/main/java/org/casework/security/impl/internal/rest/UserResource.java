package org.casework.security.impl.internal.rest;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.casework.core.api.Caller;
import org.casework.core.api.FieldError;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.Page;
import org.casework.core.api.Roles;
import org.casework.core.api.ValidationException;
import org.casework.rest.api.Doc;
import org.casework.rest.api.PATCH;
import org.casework.rest.api.RequiresRole;
import org.casework.rest.api.RestConstants;
import org.casework.rest.api.RestContext;
import org.casework.security.api.AccountChange;
import org.casework.security.api.AuthenticationException;
import org.casework.security.api.SecurityRoles;
import org.casework.security.api.NewUser;
import org.casework.security.api.UserAccount;
import org.casework.security.impl.internal.service.UserServiceImpl;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/users}: accounts for administrators, and each user's own password. */
@Component(service = UserResource.class, property = RestConstants.RESOURCE + ":Boolean=true")
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Doc("User accounts.")
public final class UserResource {

    private final UserServiceImpl users;

    @Activate
    public UserResource(@Reference UserServiceImpl users) {
        this.users = users;
    }

    @GET
    @RequiresRole(Roles.ADMIN)
    @Doc("Lists the accounts by user name, a page at a time.")
    public Page<UserAccount> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size, @Context SecurityContext sc) {
        Caller caller = RestContext.caller(sc);
        List<UserAccount> items = users.list(caller, page, size);
        return new Page<>(items, users.count(caller), page, size);
    }

    @POST
    @RequiresRole({Roles.ADMIN, SecurityRoles.HELPDESK})
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Creates an account; the helpdesk may not give the admin or helpdesk role.")
    public Response create(NewUser user, @Context SecurityContext sc) {
        UserAccount created = users.create(RestContext.caller(sc), user);
        return Response.created(URI.create("users/" + created.username())).entity(created).build();
    }

    @GET
    @Path("{username}")
    @Doc("One account: administrators may read any, others only their own.")
    public UserAccount get(@PathParam("username") String username, @Context SecurityContext sc) {
        return users.find(RestContext.caller(sc), username)
                .orElseThrow(() -> new NotFoundException("The account"));
    }

    @PATCH
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Edits an account (fields left out stay as they are); send the version you read. "
            + "Administrators only, except that anyone may edit their own name and e-mail. "
            + "Deactivating ends the user's sessions at once.")
    public UserAccount update(@PathParam("username") String username, AccountChange change,
            @Context SecurityContext sc) {
        return users.update(RestContext.caller(sc), username, change);
    }

    @POST
    @Path("{username}/password-reset")
    @RequiresRole({Roles.ADMIN, SecurityRoles.HELPDESK})
    @Doc("Gives the account a temporary password, shown only in this answer, that must be "
            + "changed at the next sign-in; ends the account's sessions and lifts a lock.")
    public Response resetPassword(@PathParam("username") String username,
            @Context SecurityContext sc) {
        String temporary = users.resetPassword(RestContext.caller(sc), username);
        return Response.ok(new Dto.PasswordReset(username, temporary, true))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("me/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Changes your own password; your other sessions and tokens end.")
    public Response changePassword(Dto.PasswordChange body, @Context SecurityContext sc,
            @Context HttpHeaders headers) {
        Caller caller = RestContext.caller(sc);
        char[] current = body.currentPassword() == null ? null : body.currentPassword().toCharArray();
        char[] next = body.newPassword() == null ? null : body.newPassword().toCharArray();
        try {
            users.changePassword(caller, current, next, RequestTokens.token(headers));
        } catch (AuthenticationException e) {
            throw new ValidationException(List.of(new FieldError("currentPassword", "incorrect",
                    "The current password is wrong.")));
        } finally {
            if (current != null) {
                java.util.Arrays.fill(current, '\0');
            }
            if (next != null) {
                java.util.Arrays.fill(next, '\0');
            }
        }
        return Response.noContent().build();
    }
}
