package org.casework.core.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every saved change to cases of the types it names, inside the transaction that saves
 * it. A module registers one as an OSGi service to keep tables of its own in step with its cases
 * (an index of the people a complaint names, a unique key a duplicate must not pass): writes made
 * through the module's own {@code JpaTemplate} with {@code TransactionType.Required} join the
 * saving transaction, so they commit or roll back with the case.
 *
 * <p>Throwing a {@link org.casework.core.api.CaseworkException} (a validation error or a conflict,
 * say) undoes the whole save and reaches the caller as that error. Listeners run on the request
 * thread: keep them short, and leave slow work (mail, matching across many records) to after the
 * commit.
 */
@ConsumerType
public interface CaseListener {

    /**
     * The service property naming the case type keys listened to (a string or an array of
     * strings); without it the listener hears every type.
     */
    String TYPES = "case.type";

    void caseSaved(CaseEvent event);
}
