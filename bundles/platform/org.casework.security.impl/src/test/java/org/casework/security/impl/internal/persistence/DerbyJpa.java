package org.casework.security.impl.internal.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.Persistence;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.casework.persistence.api.MigratedSchema;

/**
 * A fresh in-memory Derby database with this bundle's migration applied, and a JpaTemplate over
 * it running each call in a local transaction, as Aries runs it in a JTA one.
 */
public final class DerbyJpa implements JpaTemplate, AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String url;
    private final Connection keepAlive;
    private final EntityManagerFactory emf;

    public DerbyJpa() throws SQLException, IOException {
        url = "jdbc:derby:memory:security" + COUNTER.incrementAndGet();
        keepAlive = DriverManager.getConnection(url + ";create=true");
        migrate(keepAlive);
        emf = Persistence.createEntityManagerFactory("casework-security-test",
                Map.of("javax.persistence.jdbc.url", url));
    }

    /** The Derby migrations of this bundle, in order. */
    private static final String[] MIGRATIONS = {"V1__security.derby.sql",
        "V2__signin_hardening.derby.sql", "V3__two_factor.derby.sql"};

    private static void migrate(Connection connection) throws SQLException, IOException {
        for (String name : MIGRATIONS) {
            migrate(connection, name);
        }
    }

    /** Runs one migration the way the migration extender does: statements end with ; at line end. */
    private static void migrate(Connection connection, String name) throws SQLException, IOException {
        String script;
        try (InputStream in = DerbyJpa.class.getResourceAsStream("/db/migration/" + name)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder current = new StringBuilder();
        try (Statement st = connection.createStatement()) {
            for (String line : script.split("\\R")) {
                if (line.strip().startsWith("--")) {
                    continue;
                }
                if (line.strip().endsWith(";")) {
                    current.append(line, 0, line.lastIndexOf(';'));
                    st.execute(current.toString());
                    current.setLength(0);
                } else {
                    current.append(line).append('\n');
                }
            }
        }
    }

    /** A schema marker as the migration extender would register it. */
    public static MigratedSchema schema() {
        return new MigratedSchema() {
            @Override
            public String bundleSymbolicName() {
                return "org.casework.security.impl";
            }

            @Override
            public int version() {
                return MIGRATIONS.length;
            }

            @Override
            public String databaseProduct() {
                return "derby";
            }
        };
    }

    /** Plain JDBC access, for checks behind JPA's back. */
    public Connection connection() {
        return keepAlive;
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            R result = code.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    @Override
    public void tx(TransactionType type, EmConsumer code) {
        txExpr(type, em -> {
            code.accept(em);
            return null;
        });
    }

    @Override
    public <R> R txExpr(EmFunction<R> code) {
        return txExpr(TransactionType.Required, code);
    }

    @Override
    public void tx(EmConsumer code) {
        tx(TransactionType.Required, code);
    }

    @Override
    public void close() throws SQLException {
        emf.close();
        keepAlive.close();
        try {
            DriverManager.getConnection(url + ";drop=true");
        } catch (SQLException expected) {
            // Derby reports a successful drop as an exception
        }
    }
}
