package org.casework.litigation.impl.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.casework.core.api.Caller;
import org.casework.core.api.CaseService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.casework.core.api.CaseworkException;
import org.casework.core.api.FieldError;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.spi.CaseEvent;
import org.casework.core.api.spi.CaseListener;
import org.casework.litigation.api.LitigationService;
import org.casework.persistence.api.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Keeps one immigration case per A-Number. Told of every saved immigration case inside the saving
 * transaction, it claims the case's A-Number in {@code lit_a_number}, whose primary key is the
 * A-Number: of two transactions claiming the same number at once, the database makes the second
 * wait for the first and then refuses it, and this class turns that refusal into a 409 naming
 * {@code fields.aNumber}, which undoes the second case. Nothing reaches the caller as a 500.
 *
 * <p>Plain JDBC on the transaction's own connection, not JPA: a refused insert must not leave the
 * persistence context in doubt, and PostgreSQL needs {@code ON CONFLICT DO NOTHING} so the
 * transaction stays usable to look up the case that won.
 */
@Component(service = {CaseListener.class, ANumberIndex.class},
        property = CaseListener.TYPES + "=" + LitigationService.IMMIGRATION)
public class ANumberIndex implements CaseListener {

    static final String UNIQUE_VIOLATION = "23505";

    private final JpaTemplate jpa;
    /** Obtained on first use: see {@link LazyService} for the activation circle this avoids. */
    private final Supplier<CaseService> cases;
    private final boolean postgresql;

    @Activate
    public ANumberIndex(@Reference(target = "(osgi.unit.name=casework-litigation)") JpaTemplate jpa,
            @Reference(target = "(" + MigratedSchema.PROPERTY + "=org.casework.litigation.impl)") MigratedSchema schema,
            BundleContext context, @Reference ServiceReference<CaseService> cases) {
        this(jpa, new LazyService<>(context, cases), "postgresql".equals(schema.databaseProduct()));
    }

    ANumberIndex(JpaTemplate jpa, CaseService cases, boolean postgresql) {
        this(jpa, () -> cases, postgresql);
    }

    private ANumberIndex(JpaTemplate jpa, Supplier<CaseService> cases, boolean postgresql) {
        this.jpa = jpa;
        this.cases = cases;
        this.postgresql = postgresql;
    }

    @Deactivate
    void deactivate() {
        if (cases instanceof LazyService<CaseService> lazy) {
            lazy.close();
        }
    }

    @Override
    public void caseSaved(CaseEvent event) {
        boolean relevant = event.kind() == CaseEvent.Kind.CREATED
                || (event.kind() == CaseEvent.Kind.UPDATED && event.changed().contains("aNumber"));
        Object aNumber = event.values().get("aNumber");
        if (!relevant || !(aNumber instanceof String a)) {
            // The type's own rule refuses a case without an A-Number before listeners hear it.
            return;
        }
        long holder = Transactions.required(jpa, em -> claim(em, a, event.caseId()));
        if (holder != event.caseId()) {
            throw duplicate(event.caller(), holder);
        }
    }

    /** The case holding the A-Number, or 0 when none does. */
    public long holder(String nineDigits) {
        return Transactions.required(jpa, em -> jdbc(em, c -> find(c, nineDigits)));
    }

    /** Claims the A-Number for the case; returns the case that holds it afterwards. */
    private long claim(EntityManager em, String a, long caseId) {
        return jdbc(em, c -> {
            long current = find(c, a);
            if (current != 0) {
                return current;
            }
            try (PreparedStatement release = c.prepareStatement("DELETE FROM lit_a_number WHERE case_id = ?")) {
                release.setLong(1, caseId);
                release.executeUpdate();
            }
            String insert = "INSERT INTO lit_a_number (a_number, case_id) VALUES (?, ?)"
                    + (postgresql ? " ON CONFLICT (a_number) DO NOTHING" : "");
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                ps.setString(1, a);
                ps.setLong(2, caseId);
                if (ps.executeUpdate() == 1) {
                    return caseId;
                }
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                // Derby: another transaction committed the same A-Number while this one waited.
            }
            return find(c, a);
        });
    }

    private static long find(Connection c, String a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT case_id FROM lit_a_number WHERE a_number = ?")) {
            ps.setString(1, a);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }
    }

    /**
     * The refusal names the existing case only when the caller may read it. The refusal itself
     * cannot be hidden (the A-Number is taken), but a case the caller may not see stays unnamed:
     * its number and contents are need-to-know.
     */
    private CaseworkException duplicate(Caller caller, long holder) {
        Optional<String> number = Optional.empty();
        if (holder != 0) {
            try {
                number = Optional.of(cases.get().get(caller, LitigationService.IMMIGRATION, holder).number());
            } catch (NotFoundException e) {
                // not theirs to see
            }
        }
        String message = number.map(n -> "There is already an immigration case for this A-Number: " + n
                + " (id " + holder + "). Open it instead of creating a second one.")
                .orElse("There is already an immigration case for this A-Number, which you may not see. "
                        + "Ask the office that owns it to share it with you.");
        return new CaseworkException(409, "duplicate", message,
                List.of(new FieldError("fields.aNumber", "unique", message)));
    }

    interface JdbcWork<R> {
        R run(Connection c) throws SQLException;
    }

    /** Runs JDBC on the connection of the current transaction, which the case engine's save also uses. */
    private static <R> R jdbc(EntityManager em, JdbcWork<R> work) {
        Connection c = em.unwrap(Connection.class);
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("A-Number index: " + e.getMessage(), e);
        }
    }
}
