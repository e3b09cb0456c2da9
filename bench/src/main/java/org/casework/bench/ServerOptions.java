package org.casework.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The command-line options every benchmark shares: which databases, which distribution, how to
 * reach PostgreSQL, how long a boot may take. Filled argument by argument while parsing.
 */
final class ServerOptions {

    private List<String> databases = List.of("derby", "postgresql");
    private Path assembly = Path.of("karaf-assembly/target/assembly");
    private String pg = "127.0.0.1:5432";
    private String pgUser = "postgres";
    private int bootSeconds = 300;

    /** Takes {@code arg} if it is one of the shared options; false when it is not. */
    boolean accept(String arg) {
        String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
        if (arg.startsWith("--databases=")) {
            databases = List.of(value.toLowerCase(Locale.ROOT).split(","));
            for (String db : databases) {
                if (!db.equals("derby") && !db.equals("postgresql")) {
                    throw new IllegalArgumentException("Unknown database: " + db + " (derby, postgresql)");
                }
            }
        } else if (arg.startsWith("--assembly=")) {
            assembly = Path.of(value);
        } else if (arg.startsWith("--pg=")) {
            pg = value;
        } else if (arg.startsWith("--pg-user=")) {
            pgUser = value;
        } else if (arg.startsWith("--boot-timeout=")) {
            bootSeconds = Integer.parseInt(value);
        } else if (arg.startsWith("--server-java-opts=")) {
            // e.g. a flight recording of the server while it is measured; every server of the run gets them
            KarafServer.serverJavaOpts = value;
        } else {
            return false;
        }
        return true;
    }

    List<String> databases() {
        return databases;
    }

    Path assembly() {
        return assembly.toAbsolutePath().normalize();
    }

    BenchDatabases.Postgres postgres() {
        String[] hp = pg.split(":");
        return new BenchDatabases.Postgres(hp[0], hp.length > 1 ? Integer.parseInt(hp[1]) : 5432, pgUser);
    }

    Duration bootTimeout() {
        return Duration.ofSeconds(bootSeconds);
    }
}
