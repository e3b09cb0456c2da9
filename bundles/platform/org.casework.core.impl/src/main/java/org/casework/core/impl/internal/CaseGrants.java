package org.casework.core.impl.internal;

import java.util.List;

import org.casework.core.api.Caller;
import org.casework.core.api.access.Grant;

/**
 * Record grants on one case, for the REST layer: the engine checks that the caller may read the
 * case (answering 404 otherwise) and hands the decision and storage to the access policy.
 */
public interface CaseGrants {

    /** The case's grants; empty when no access policy is running. */
    List<Grant> grants(Caller caller, String type, long id);

    /** Lets one more user read or change the case. */
    Grant grant(Caller caller, String type, long id, String grantee, String action);

    /** Takes a grant back; nothing happens when there is none. */
    void revoke(Caller caller, String type, long id, String grantee, String action);
}
