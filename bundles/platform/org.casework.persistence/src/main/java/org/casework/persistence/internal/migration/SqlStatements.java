package org.casework.persistence.internal.migration;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration script into statements: a {@code ;} at the end of a line ends a statement;
 * lines that hold only a {@code --} comment are dropped.
 */
final class SqlStatements {

    private SqlStatements() {
    }

    static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(line, 0, line.lastIndexOf(';'));
                add(statements, current);
            } else {
                current.append(line).append('\n');
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
