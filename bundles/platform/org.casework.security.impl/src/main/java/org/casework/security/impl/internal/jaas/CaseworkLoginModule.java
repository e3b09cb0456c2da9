package org.casework.security.impl.internal.jaas;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.casework.core.api.Caller;
import org.casework.security.api.AuthenticationException;
import org.casework.security.api.AuthenticationService;

/**
 * A JAAS login module over the Casework accounts: checks the name and password with the
 * {@link AuthenticationService} handed over in the {@value #SERVICE_OPTION} option, and gives the
 * subject a Karaf {@link UserPrincipal} and a {@link RolePrincipal} per role. Instantiated by
 * Karaf's {@code ProxyLoginModule} for each login.
 */
public final class CaseworkLoginModule implements LoginModule {

    /** The option carrying the {@link AuthenticationService} instance. */
    public static final String SERVICE_OPTION = "casework.authenticationService";

    private Subject subject;
    private CallbackHandler callbackHandler;
    private AuthenticationService authentication;
    private Caller caller;
    private final List<Principal> principals = new ArrayList<>();

    public CaseworkLoginModule() {
        // created reflectively by ProxyLoginModule
    }

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler,
            Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.callbackHandler = callbackHandler;
        Object service = options.get(SERVICE_OPTION);
        this.authentication = service instanceof AuthenticationService a ? a : null;
    }

    @Override
    public boolean login() throws LoginException {
        if (authentication == null) {
            throw new LoginException("Casework sign-in is not available");
        }
        if (callbackHandler == null) {
            throw new LoginException("No callback handler to ask for the user name and password");
        }
        NameCallback name = new NameCallback("Username: ");
        PasswordCallback password = new PasswordCallback("Password: ", false);
        try {
            callbackHandler.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            LoginException failure = new LoginException("Could not ask for the credentials");
            failure.initCause(e);
            throw failure;
        }
        char[] secret = password.getPassword();
        try {
            caller = authentication.authenticate(name.getName(), secret == null ? new char[0] : secret,
                    null);
        } catch (AuthenticationException e) {
            throw new FailedLoginException(e.getMessage());
        } finally {
            password.clearPassword();
            if (secret != null) {
                java.util.Arrays.fill(secret, '\0');
            }
        }
        if (caller.passwordChangeRequired()) {
            caller = null;
            throw new FailedLoginException("The password must be changed in the console first.");
        }
        return true;
    }

    @Override
    public boolean commit() {
        if (caller == null) {
            return false;
        }
        principals.add(new UserPrincipal(caller.username()));
        for (String role : caller.roles()) {
            principals.add(new RolePrincipal(role));
        }
        subject.getPrincipals().addAll(principals);
        return true;
    }

    @Override
    public boolean abort() {
        return logout();
    }

    @Override
    public boolean logout() {
        if (subject != null) {
            subject.getPrincipals().removeAll(principals);
        }
        principals.clear();
        caller = null;
        return true;
    }
}
