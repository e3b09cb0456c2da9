package org.casework.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

/**
 * Ids from a sequence that steps by 50, each value ending a block of 50 ids (as EclipseLink uses
 * them), for the bulk loaders: rows they write never collide with rows the server creates later.
 * Values are fetched a few hundred at a time on a connection shared by the loader's sequences,
 * which {@code lock} guards; each refill commits on it.
 */
final class SequenceIds {

    private static final int BLOCK = 50;

    private final String sequence;
    private final boolean postgres;
    private final Supplier<Connection> connection;
    private final Object lock;
    private final long[] ends = new long[500];
    private int filled;
    private int used;
    private long next;
    private long last = -1;

    SequenceIds(String sequence, boolean postgres, Supplier<Connection> connection, Object lock) {
        this.sequence = sequence;
        this.postgres = postgres;
        this.connection = connection;
        this.lock = lock;
    }

    synchronized long next() throws SQLException {
        if (next > last) {
            if (used == filled) {
                refill();
            }
            last = ends[used++];
            next = last - BLOCK + 1;
        }
        return next++;
    }

    private void refill() throws SQLException {
        filled = 0;
        used = 0;
        synchronized (lock) {
            Connection c = connection.get();
            try (Statement s = c.createStatement()) {
                if (postgres) {
                    try (ResultSet rs = s.executeQuery("SELECT nextval('" + sequence + "') FROM generate_series(1, "
                            + ends.length + ")")) {
                        while (rs.next()) {
                            ends[filled++] = rs.getLong(1);
                        }
                    }
                } else {
                    for (int i = 0; i < ends.length; i++) {
                        try (ResultSet rs = s.executeQuery("VALUES (NEXT VALUE FOR " + sequence + ")")) {
                            rs.next();
                            ends[filled++] = rs.getLong(1);
                        }
                    }
                }
            }
            c.commit();
        }
        java.util.Arrays.sort(ends, 0, filled);
    }
}
