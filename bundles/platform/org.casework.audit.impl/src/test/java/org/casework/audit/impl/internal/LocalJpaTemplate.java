package org.casework.audit.impl.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * A resource-local stand-in for Aries' JTA template: one transaction per call, rolled back when
 * the work throws. Creates a fresh in-memory Derby database with the bundle's own migration.
 */
final class LocalJpaTemplate implements JpaTemplate, AutoCloseable {

    private final EntityManagerFactory emf;
    private final String url;

    LocalJpaTemplate(String dbName) throws SQLException, IOException {
        url = "jdbc:derby:memory:" + dbName;
        try (Connection c = DriverManager.getConnection(url + ";create=true");
                InputStream in = LocalJpaTemplate.class.getResourceAsStream("/db/migration/V1__audit.derby.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            try (Statement st = c.createStatement()) {
                for (String stmt : sql.split(";\\s*\\n")) {
                    String s = stmt.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
                    if (!s.isEmpty()) {
                        st.execute(s.endsWith(";") ? s.substring(0, s.length() - 1) : s);
                    }
                }
            }
        }
        emf = Persistence.createEntityManagerFactory("casework-audit-test", Map.of("javax.persistence.jdbc.url", url));
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            R r = code.apply(em);
            em.getTransaction().commit();
            return r;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
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

    /** A plain connection to the same database, as a DBA with full rights would use. */
    Connection connection() throws SQLException {
        return DriverManager.getConnection(url);
    }

    @Override
    public void close() {
        emf.close();
        try {
            DriverManager.getConnection(url + ";drop=true");
        } catch (SQLException expected) {
            // Derby reports a successful drop as an exception.
        }
    }
}
