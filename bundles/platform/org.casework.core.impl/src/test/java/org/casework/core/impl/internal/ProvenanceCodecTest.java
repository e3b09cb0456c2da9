package org.casework.core.impl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.casework.core.api.FieldProvenance;
import org.casework.core.api.FieldProvenance.Origin;
import org.junit.jupiter.api.Test;

class ProvenanceCodecTest {

    @Test
    void writesAndReadsEveryKindOfProvenance() {
        Map<String, FieldProvenance> p = new LinkedHashMap<>();
        p.put("custodyStatus", new FieldProvenance("EID", Origin.SOURCE, Instant.parse("2026-05-01T08:00:00Z"),
                Instant.parse("2026-05-01T08:00:02Z"), "source:EID", null));
        p.put("aNumber", new FieldProvenance("IRIES", Origin.CORRECTED, null, Instant.parse("2026-05-02T10:00:00Z"),
                "ada", "Transposed digits \"12\" \u2192 \"21\""));
        assertEquals(p, ProvenanceCodec.read(ProvenanceCodec.write(p)));
    }

    @Test
    void noProvenanceIsAnEmptyColumn() {
        assertNull(ProvenanceCodec.write(Map.of()));
        assertTrue(ProvenanceCodec.read(null).isEmpty());
    }
}
