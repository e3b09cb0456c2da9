package org.casework.persistence.jpa;

import java.sql.Connection;

import javax.persistence.EntityManager;

/**
 * Makes a transaction take its database connection before it can allocate an id.
 *
 * <p>EclipseLink allocates a block of sequence ids while holding that sequence's lock, and runs the
 * allocating query on the transaction's connection, borrowing one from the pool when the
 * transaction has none yet. Under load every pooled connection can belong to a transaction that
 * waits for the same lock, and the lock's holder then waits for a connection no one will return:
 * requests stall until the transaction timeout. A transaction that holds its connection from the
 * start never borrows while holding the lock (the pool hands a transaction the same connection
 * each time), so every transaction template that may persist calls {@link #claim} first.
 */
public final class TransactionConnection {

    private TransactionConnection() {
    }

    /**
     * Binds the current transaction's connection to the entity manager now. Cheap when the
     * transaction already has one.
     */
    public static EntityManager claim(EntityManager em) {
        em.unwrap(Connection.class);
        return em;
    }
}
