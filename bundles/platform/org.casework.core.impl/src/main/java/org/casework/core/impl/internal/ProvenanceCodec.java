package org.casework.core.impl.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.casework.core.api.FieldProvenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes and reads the provenance column of a case: JSON of plain strings, so it does not depend
 * on a date-time module of the JSON library.
 */
final class ProvenanceCodec {

    private static final TypeReference<LinkedHashMap<String, Map<String, String>>> SHAPE = new TypeReference<>() {
    };
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProvenanceCodec() {
    }

    static Map<String, FieldProvenance> read(String stored) {
        Map<String, FieldProvenance> out = new LinkedHashMap<>();
        if (stored == null || stored.isBlank()) {
            return out;
        }
        try {
            JSON.readValue(stored, SHAPE).forEach((field, p) -> out.put(field, new FieldProvenance(p.get("source"),
                    FieldProvenance.Origin.valueOf(p.get("origin")), instant(p.get("fetchedAt")),
                    instant(p.get("recordedAt")), p.get("recordedBy"), p.get("reason"))));
            return out;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("Stored provenance is not readable", e);
        }
    }

    /** Null for an empty map, so cases without authoritative values keep an empty column. */
    static String write(Map<String, FieldProvenance> provenance) {
        if (provenance.isEmpty()) {
            return null;
        }
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        provenance.forEach((field, p) -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("source", p.source());
            m.put("origin", p.origin().name());
            put(m, "fetchedAt", p.fetchedAt());
            put(m, "recordedAt", p.recordedAt());
            if (p.recordedBy() != null) {
                m.put("recordedBy", p.recordedBy());
            }
            if (p.reason() != null) {
                m.put("reason", p.reason());
            }
            out.put(field, m);
        });
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Provenance cannot be written as JSON", e);
        }
    }

    private static void put(Map<String, String> m, String key, Instant at) {
        if (at != null) {
            m.put(key, at.toString());
        }
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
