package org.casework.persistence.internal.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** File naming and statement splitting, without a database. */
class MigrationPlanTest {

    @Test
    void plainScriptServesEveryDatabaseWithoutVariant() throws Exception {
        List<MigrationScript> plan = MigrationPlan.select(MigrationRunnerContract.files(
                "V1__a.sql", "x", "V1__a.postgresql.sql", "y"), "derby");

        assertEquals("V1__a.sql", plan.get(0).name());
    }

    @Test
    void variantOnlyForAnotherDatabaseIsAnError() {
        MigrationException e = assertThrows(MigrationException.class, () -> MigrationPlan.select(
                MigrationRunnerContract.files("V1__a.postgresql.sql", "y"), "derby"));

        assertEquals("V1__a.postgresql.sql", e.script());
    }

    @Test
    void badNameAndDuplicateNumberAreErrors() {
        assertThrows(MigrationException.class, () -> MigrationPlan.select(
                MigrationRunnerContract.files("v1_a.sql", "x"), "derby"));
        assertThrows(MigrationException.class, () -> MigrationPlan.select(
                MigrationRunnerContract.files("V1__a.sql", "x", "V1__b.sql", "y"), "derby"));
    }

    @Test
    void statementsEndWithSemicolonAtLineEnd() {
        List<String> statements = SqlStatements.split(
                "-- comment\r\nCREATE TABLE t (\n  a VARCHAR(3) DEFAULT ';x'\n);\n\nINSERT INTO t VALUES ('a;b');\nSELECT 1");

        assertEquals(List.of("CREATE TABLE t (\n  a VARCHAR(3) DEFAULT ';x'\n)",
                "INSERT INTO t VALUES ('a;b')", "SELECT 1"), statements);
    }
}
