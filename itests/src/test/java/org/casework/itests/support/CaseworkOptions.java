package org.casework.itests.support;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.CoreOptions.when;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.options.SystemPropertyOption;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * Pax Exam options that boot the Casework distribution built by this reactor. Evaluated in the
 * driver JVM; values the tests need inside the container travel as system properties.
 */
public final class CaseworkOptions {

    /** System property (in the container) holding the HTTP port chosen for this run. */
    public static final String HTTP_PORT = "casework.it.http.port";

    /** System property read by the security bundle for the first administrator's password. */
    public static final String ADMIN_PASSWORD = "casework.admin.password";

    /** The first administrator's user name. */
    public static final String ADMIN_USER = "admin";

    /** System property (driver JVM) choosing the database: {@code derby} (default) or {@code postgresql}. */
    public static final String DATABASE = "casework.it.database";

    private static final String KARAF_VERSION = "4.4.10";

    private CaseworkOptions() {
    }

    /**
     * The distribution with a free HTTP port, a random administrator password, INFO logging, and
     * the database chosen by {@value #DATABASE}.
     */
    public static Option distribution() {
        return composite(karaf(), database());
    }

    /** The distribution on its default embedded Derby. */
    public static Option karaf() {
        String distribution = System.getProperty("casework.distribution");
        if (distribution == null || !new File(distribution).isFile()) {
            throw new IllegalStateException("No Casework distribution at " + distribution
                    + ": build karaf-assembly first (mvn verify from the repository root does)");
        }
        String workdir = System.getProperty("casework.it.workdir", "target/exam");
        String port = Integer.toString(freePort());
        String password = "It-" + UUID.randomUUID();
        return composite(
                karafDistributionConfiguration()
                        .frameworkUrl(new File(distribution).toURI().toString())
                        .name("Casework")
                        .karafVersion(KARAF_VERSION)
                        .unpackDirectory(new File(workdir))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.INFO),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", port),
                systemProperty(HTTP_PORT).value(port),
                systemProperty(ADMIN_PASSWORD).value(password),
                // -Dcasework.it.keep=true keeps target/exam/<uuid> (data/log/karaf.log) for a look
                when(Boolean.getBoolean("casework.it.keep")).useOptions(keepRuntimeFolder()),
                jvmOptions());
    }

    /** The database chosen by {@value #DATABASE}: nothing to change for Derby. */
    public static Option database() {
        String database = System.getProperty(DATABASE, "derby");
        switch (database) {
            case "derby":
                return composite();
            case "postgresql":
                return postgresql();
            default:
                throw new IllegalArgumentException(DATABASE + " must be derby or postgresql, not " + database);
        }
    }

    /**
     * A fresh PostgreSQL database for this container, dropped when the driver JVM exits; the
     * container's DataSource configuration is replaced to point at it.
     */
    public static Option postgresql() {
        PostgresqlDatabase database = PostgresqlDatabase.create();
        String cfg = String.join("\n",
                "# written by the Casework integration tests",
                "osgi.jdbc.driver.name = PostgreSQL JDBC Driver",
                "url = " + database.url(),
                "user = " + PostgresqlDatabase.USER,
                "password = ",
                "dataSourceName = casework",
                "pool = transx",
                "xa = true",
                "");
        try {
            Path file = Files.createTempFile("datasource-" + database.name(), ".cfg");
            Files.writeString(file, cfg, StandardCharsets.UTF_8);
            file.toFile().deleteOnExit();
            return composite(
                    replaceConfigurationFile("etc/org.ops4j.datasource-casework.cfg", file.toFile()),
                    systemProperty("casework.it.database.name").value(database.name()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What {@code bin/karaf} passes on Java 17 and Pax Exam 4.14 does not: the module flags
     * Karaf's spec locator and JAXB need, and the zip flag {@code bin/setenv} sets for the
     * JAX-RS API bundle. Paths are relative to the Karaf home, the container's working directory.
     */
    static Option jvmOptions() {
        return vmOptions(
                "-Xmx1g",
                "-Djdk.util.zip.disableZip64ExtraFieldValidation=true",
                "--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + KARAF_VERSION + ".jar",
                "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + KARAF_VERSION + ".jar",
                "--add-opens", "java.base/java.security=ALL-UNNAMED",
                "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
                "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
                "-classpath", "lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*");
    }

    /**
     * The value a system property option among {@code options} gives the container, read back in
     * the driver JVM (server-mode tests talk to the container from outside and need its port and
     * administrator password); null when none sets it.
     */
    public static String systemPropertyOf(Option[] options, String key) {
        for (SystemPropertyOption property : OptionUtils.filter(SystemPropertyOption.class, OptionUtils.expand(options))) {
            if (key.equals(property.getKey())) {
                return property.getValue();
            }
        }
        return null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
