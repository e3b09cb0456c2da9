package org.casework.security.impl.internal.persistence;

import java.sql.SQLException;

import org.casework.persistence.api.MigratedSchema;
import org.casework.testing.DerbyJpaTemplate;

/** This bundle's migrations on a fresh in-memory Derby, behind a local-transaction JpaTemplate. */
public final class DerbyJpa extends DerbyJpaTemplate {

    /** The Derby migrations of this bundle, in order. */
    private static final String[] MIGRATIONS = {"V1__security.derby.sql",
        "V2__signin_hardening.derby.sql", "V3__two_factor.derby.sql", "V4__roles_and_grants.derby.sql",
        "V5__profiles.derby.sql", "V6__directory.derby.sql"};

    public DerbyJpa() throws SQLException {
        super("casework-security-test", MIGRATIONS);
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
}
