package org.casework.security.impl.internal.jaas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.casework.core.api.Caller;
import org.casework.security.api.AuthenticationException;
import org.casework.security.api.AuthenticationService;
import org.junit.jupiter.api.Test;

class CaseworkLoginModuleTest {

    private static CallbackHandler answering(String name, String password) {
        return callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof NameCallback n) {
                    n.setName(name);
                } else if (c instanceof PasswordCallback p) {
                    p.setPassword(password.toCharArray());
                }
            }
        };
    }

    private static CaseworkLoginModule module(Subject subject, String name, String password,
            AuthenticationService service) {
        CaseworkLoginModule m = new CaseworkLoginModule();
        m.initialize(subject, answering(name, password), Map.of(),
                Map.of(CaseworkLoginModule.SERVICE_OPTION, service));
        return m;
    }

    @Test
    void givesUserAndRolePrincipals() throws Exception {
        AuthenticationService auth = mock(AuthenticationService.class);
        when(auth.authenticate(eq("ada"), any(), any())).thenReturn(new Caller("ada", "Ada",
                Set.of("admin", "staff"), Set.of(), false, false));
        Subject subject = new Subject();
        CaseworkLoginModule m = module(subject, "ada", "right password", auth);
        assertTrue(m.login());
        assertTrue(m.commit());
        Set<String> names = new TreeSet<>();
        for (Principal p : subject.getPrincipals()) {
            names.add(p.getClass().getSimpleName() + ":" + p.getName());
        }
        assertEquals(Set.of("UserPrincipal:ada", "RolePrincipal:admin", "RolePrincipal:staff"), names);
        assertEquals(1, subject.getPrincipals(UserPrincipal.class).size());
        assertEquals(2, subject.getPrincipals(RolePrincipal.class).size());
        m.logout();
        assertTrue(subject.getPrincipals().isEmpty());
    }

    @Test
    void wrongPasswordFails() throws Exception {
        AuthenticationService auth = mock(AuthenticationService.class);
        when(auth.authenticate(any(), any(), any()))
                .thenThrow(new AuthenticationException("The user name or password is wrong."));
        Subject subject = new Subject();
        CaseworkLoginModule m = module(subject, "ada", "wrong", auth);
        assertThrows(FailedLoginException.class, m::login);
        assertTrue(subject.getPrincipals().isEmpty());
    }

    @Test
    void mustChangePasswordCannotUseJaas() throws Exception {
        AuthenticationService auth = mock(AuthenticationService.class);
        when(auth.authenticate(any(), any(), any())).thenReturn(new Caller("admin", "Admin",
                Set.of("admin"), Set.of(), false, true));
        CaseworkLoginModule m = module(new Subject(), "admin", "generated", auth);
        assertThrows(FailedLoginException.class, m::login);
    }
}
