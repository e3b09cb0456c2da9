package org.casework.audit.impl.internal.alerts;

/**
 * Receives each audit entry once it is committed and chained. Called on the audit chainer's
 * thread inside its transaction: implementations copy what they need and return at once.
 */
public interface AlertFeed {

    /** One entry just appended to the chain. */
    void chained(Entry entry);
}
