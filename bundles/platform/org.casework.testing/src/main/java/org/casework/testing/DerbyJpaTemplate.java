package org.casework.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

/**
 * A fresh in-memory Derby database with a bundle's migrations applied, and a {@link JpaTemplate}
 * over it that runs each call in a local transaction, rolled back when the work throws, as Aries
 * runs it in a JTA one. For unit tests of a bundle's JPA code outside OSGi; the bundle's test
 * resources provide a RESOURCE_LOCAL persistence unit listing its entities.
 */
public class DerbyJpaTemplate implements JpaTemplate, AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String url;
    private final Connection keepAlive;
    private final EntityManagerFactory emf;

    /**
     * @param persistenceUnit the test persistence unit's name
     * @param migrations the Derby migration scripts under {@code db/migration/}, in order
     */
    public DerbyJpaTemplate(String persistenceUnit, String... migrations) throws SQLException {
        url = "jdbc:derby:memory:" + persistenceUnit.replaceAll("\\W", "") + COUNTER.incrementAndGet()
                + "x" + System.nanoTime();
        keepAlive = DriverManager.getConnection(url + ";create=true");
        for (String name : migrations) {
            migrate(keepAlive, name);
        }
        emf = Persistence.createEntityManagerFactory(persistenceUnit, Map.of("javax.persistence.jdbc.url", url));
    }

    /** Runs one script the way the migration extender does: statements end with ; at line end. */
    private static void migrate(Connection connection, String name) throws SQLException {
        String script;
        try (InputStream in = DerbyJpaTemplate.class.getResourceAsStream("/db/migration/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No migration db/migration/" + name + " on the class path");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /** Plain JDBC access to the same database, for checks behind JPA's back; do not close it. */
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
    public void close() {
        emf.close();
        try {
            keepAlive.close();
            DriverManager.getConnection(url + ";drop=true");
        } catch (SQLException expected) {
            // Derby reports a successful drop as an exception
        }
    }
}
