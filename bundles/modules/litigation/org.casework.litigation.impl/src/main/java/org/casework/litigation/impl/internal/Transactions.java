package org.casework.litigation.impl.internal;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.casework.core.api.CaseworkException;
import org.casework.persistence.jpa.TransactionConnection;

/** Runs work in the current JTA transaction (or a new one) and hands back the error the work raised. */
final class Transactions {

    private Transactions() {
    }

    static <R> R required(JpaTemplate jpa, EmFunction<R> work) {
        try {
            return jpa.txExpr(TransactionType.Required, em -> work.apply(TransactionConnection.claim(em)));
        } catch (CaseworkException e) {
            throw e;
        } catch (RuntimeException e) {
            // The template wraps what the work threw; callers need the original to answer 4xx.
            for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
                if (t instanceof CaseworkException ce) {
                    throw ce;
                }
            }
            throw e;
        }
    }
}
