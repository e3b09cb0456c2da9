package org.casework.persistence.internal.migration;

import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The migration contract on embedded Derby 10.14, each test on a new in-memory database. */
class DerbyMigrationRunnerTest extends MigrationRunnerContract {

    private EmbeddedDataSource dataSource;

    @BeforeEach
    void createDatabase() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:casework_test_" + UUID.randomUUID().toString().replace("-", ""));
        dataSource.setCreateDatabase("create");
    }

    @AfterEach
    void dropDatabase() {
        dataSource.setCreateDatabase(null);
        dataSource.setConnectionAttributes("drop=true");
        try {
            dataSource.getConnection().close();
        } catch (SQLException expected) {
            // Derby reports a successful drop as SQLState 08006
        }
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }

    @Override
    String product() {
        return "derby";
    }
}
