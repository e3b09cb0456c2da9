package org.casework.facilities.api;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads the facility reference list. Facilities are reference data, not case records: any signed-in
 * module may read them, and reading them is not audited per call.
 */
@ProviderType
public interface FacilityDirectory {

    /** The facility with this code (case-insensitive), active or not. */
    Optional<Facility> find(String code);

    /** The points of contact for a facility, by agency then name; empty for an unknown code. */
    List<PointOfContact> contacts(String facilityCode);
}
