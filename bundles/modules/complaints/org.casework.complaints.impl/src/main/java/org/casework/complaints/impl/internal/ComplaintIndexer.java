package org.casework.complaints.impl.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casework.complaints.impl.internal.persistence.ComplaintStore;
import org.casework.core.api.ANumber;
import org.casework.core.api.spi.CaseEvent;
import org.casework.core.api.spi.CaseListener;
import org.casework.matching.PersonMatching;
import org.casework.matching.PersonRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Keeps the module's row of every complaint in step with the case, inside the transaction that
 * saves it: whichever way a complaint is saved (intake, the portal, the generic case API), its
 * queue entry and detainee index commit with it. Two complaints saved at the same moment are
 * both indexed once committed, and prior-complaint matching reads the index when asked, so they
 * find each other.
 */
@Component(service = CaseListener.class, property = CaseListener.TYPES + "=" + ComplaintType.KEY)
public class ComplaintIndexer implements CaseListener {

    private final ComplaintStore store;

    @Activate
    public ComplaintIndexer(@Reference ComplaintStore store) {
        this.store = store;
    }

    @Override
    public void caseSaved(CaseEvent event) {
        store.save(snapshot(event));
    }

    static ComplaintStore.Snapshot snapshot(CaseEvent e) {
        Map<String, Object> v = e.values();
        PersonRecord person = detainee(v);
        List<String> names = new ArrayList<>();
        if (person != null) {
            names.add(person.fullName());
            names.addAll(person.aliases());
        }
        String aNumber = v.get("aNumber") == null ? null : ANumber.normalize(String.valueOf(v.get("aNumber"))).orElse(null);
        return new ComplaintStore.Snapshot(e.caseId(), e.number(), e.status(), e.closed(), e.assignee(),
                e.caller().username(), e.ownerDivision(), (String) v.get("channel"),
                Boolean.TRUE.equals(v.get("emergency")), e.at(), aNumber,
                person == null ? null : person.dateOfBirth(), names,
                person == null ? Set.of() : PersonMatching.blockingKeys(person));
    }

    /** The detainee as the matching library sees them, or null when the complaint names none. */
    public static PersonRecord detainee(Map<String, Object> values) {
        if (!(values.get("detainee") instanceof Map<?, ?> p) || p.get("fullName") == null) {
            return null;
        }
        List<String> aliases = new ArrayList<>();
        if (p.get("aliases") instanceof List<?> l) {
            l.forEach(a -> aliases.add(String.valueOf(a)));
        }
        LocalDate dob = p.get("dateOfBirth") == null ? null : LocalDate.parse(String.valueOf(p.get("dateOfBirth")));
        return new PersonRecord(String.valueOf(p.get("fullName")), aliases, dob);
    }
}
