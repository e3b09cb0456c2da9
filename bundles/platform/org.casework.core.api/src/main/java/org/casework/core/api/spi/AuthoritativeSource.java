package org.casework.core.api.spi;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An external system that owns the values of some case fields (custody status in EID, the
 * A-Number in IRIES): the fields that name it in
 * {@link FieldDefinition#authoritativeSource()}. A connector bundle registers one as an OSGi
 * service with the service property {@value #PROPERTY} set to the source's name; installing the
 * bundle on a running system is enough, nothing else is configured in the engine.
 *
 * <p>The engine calls {@link #lookup} when a case with fields this source owns is opened (after
 * the case is saved) and when someone asks to refresh a case from its sources. It stores each value
 * returned under the system caller {@code source:<name>}, with the value's fetched-at time as its
 * provenance, audited and in the case's history. A connector that learns of changes by itself (a
 * feed, a scheduled poll) pushes them with
 * {@link org.casework.core.api.CaseService#recordSourceValue} instead.
 *
 * <p>Calls come on the request thread of the person who opened or refreshed the case, outside any
 * transaction: answer within a second or two (from a cache if the remote system is slow), and
 * throw or return an empty map when the system cannot answer; the engine then keeps the values
 * it has and logs the failure at debug level.
 */
@ConsumerType
public interface AuthoritativeSource {

    /** The service property carrying the source's name, e.g. {@code EID}. */
    String PROPERTY = "authoritative.source";

    /**
     * The source's current values for one case.
     *
     * @param request the case, its stored values and the fields this source owns in its type
     * @return values by field key, only for fields in {@link Lookup#fields()}; a field left out
     *     keeps its stored value. Never null.
     */
    Map<String, SourceValue> lookup(Lookup request);

    /**
     * What the engine asks a source about.
     *
     * @param type the case type key
     * @param caseId the case's id
     * @param number the case number
     * @param values every stored field value of the case, in the shapes {@link FieldType}
     *     describes: the keys a source looks a case up by (an A-Number, say) are among them
     * @param fields the keys of the fields this source owns in the case's type
     */
    record Lookup(String type, long caseId, String number, Map<String, Object> values, Set<String> fields) {
        public Lookup {
            values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
            fields = fields == null ? Set.of() : Set.copyOf(fields);
        }
    }

    /**
     * One value as the source gave it.
     *
     * @param value the value in the JSON shape of the field's {@link FieldType}; null clears it
     * @param fetchedAt when the source system gave it (not when Casework stores it)
     */
    record SourceValue(Object value, Instant fetchedAt) {
        public SourceValue {
            Objects.requireNonNull(fetchedAt, "fetchedAt");
        }
    }
}
