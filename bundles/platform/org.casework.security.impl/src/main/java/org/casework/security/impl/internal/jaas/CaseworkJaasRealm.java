package org.casework.security.impl.internal.jaas;

import java.util.HashMap;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.casework.security.api.AuthenticationService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The JAAS realm {@value #NAME}: Casework accounts for anything in Karaf that authenticates
 * through JAAS (web console, JMX, SSH if an operator points them at it).
 *
 * <p>It is deliberately not named {@code karaf}: that realm guards the Karaf shell and its
 * remote access, and a Casework installation ships no shell users at all; merging the two would
 * turn every case worker's password into a shell password. Operators who want shell access
 * with Casework accounts can set {@code sshRealm = casework} in {@code org.apache.karaf.shell}.
 */
@Component(service = JaasRealm.class)
public final class CaseworkJaasRealm implements JaasRealm {

    public static final String NAME = "casework";

    private final AppConfigurationEntry[] entries;

    @Activate
    public CaseworkJaasRealm(@Reference AuthenticationService authentication,
            BundleContext context) {
        Map<String, Object> options = new HashMap<>();
        options.put(ProxyLoginModule.PROPERTY_MODULE, CaseworkLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE,
                Long.toString(context.getBundle().getBundleId()));
        options.put(CaseworkLoginModule.SERVICE_OPTION, authentication);
        entries = new AppConfigurationEntry[] {new AppConfigurationEntry(
                ProxyLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getRank() {
        return 0;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return entries.clone();
    }
}
