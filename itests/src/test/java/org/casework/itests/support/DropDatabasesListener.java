package org.casework.itests.support;

import org.junit.runner.Result;
import org.junit.runner.notification.RunListener;

/**
 * Drops the PostgreSQL databases the run created once all test classes are done (and their
 * containers stopped). Registered with failsafe; a shutdown hook alone is not enough, because
 * failsafe halts the forked JVM 2 s after {@code System.exit}.
 */
public class DropDatabasesListener extends RunListener {

    @Override
    public void testRunFinished(Result result) {
        PostgresqlDatabase.dropAll();
    }
}
