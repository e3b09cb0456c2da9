package org.casework.examples.sources.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import org.casework.core.api.spi.AuthoritativeSource.Lookup;
import org.casework.core.api.spi.AuthoritativeSource.SourceValue;
import org.junit.jupiter.api.Test;

class ExampleSourcesTest {

    private static final Instant NOW = Instant.parse("2026-05-01T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static Lookup lookup(Object aNumber, String... fields) {
        return new Lookup("immigration-case", 7, "IMM-2026-000007",
                aNumber == null ? Map.of() : Map.of("aNumber", aNumber), Set.of(fields));
    }

    @Test
    void eidReportsCustodyFromTheANumbersLastDigitWithTheTimeItAnswered() {
        ExampleEid eid = new ExampleEid(CLOCK);
        assertEquals(Map.of("custodyStatus", new SourceValue("DETAINED", NOW)),
                eid.lookup(lookup("123456788", "custodyStatus")));
        assertEquals(Map.of("custodyStatus", new SourceValue("RELEASED", NOW)),
                eid.lookup(lookup("A123-456-789", "custodyStatus")));
    }

    @Test
    void eidSaysNothingWithoutAnANumberOrForFieldsItDoesNotOwn() {
        ExampleEid eid = new ExampleEid(CLOCK);
        assertTrue(eid.lookup(lookup(null, "custodyStatus")).isEmpty());
        assertTrue(eid.lookup(lookup("123456788", "aNumber")).isEmpty());
        assertTrue(eid.lookup(lookup("12", "custodyStatus")).isEmpty());
    }

    @Test
    void iriesConfirmsTheANumberAsNineDigits() {
        ExampleIries iries = new ExampleIries(CLOCK);
        assertEquals(Map.of("aNumber", new SourceValue("123456789", NOW)), iries.lookup(lookup("A123-456-789", "aNumber")));
        assertTrue(iries.lookup(lookup("123456789", "custodyStatus")).isEmpty());
    }
}
