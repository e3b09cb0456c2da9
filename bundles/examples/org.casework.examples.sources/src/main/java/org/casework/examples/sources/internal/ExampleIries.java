package org.casework.examples.sources.internal;

import java.time.Clock;
import java.util.Map;

import org.casework.core.api.ANumber;
import org.casework.core.api.spi.AuthoritativeSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * A stand-in for IRIES, the records system that owns the A-Number: it confirms any well-formed
 * A-Number a case carries, so the value entered when the case was opened stops being provisional.
 * Never install it where the real IRIES connector runs.
 */
@Component(service = AuthoritativeSource.class, property = AuthoritativeSource.PROPERTY + "=" + ExampleIries.NAME)
public class ExampleIries implements AuthoritativeSource {

    static final String NAME = "IRIES";
    static final String A_NUMBER = "aNumber";

    private final Clock clock;

    @Activate
    public ExampleIries() {
        this(Clock.systemUTC());
    }

    ExampleIries(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Map<String, SourceValue> lookup(Lookup request) {
        Object aNumber = request.values().get(A_NUMBER);
        if (!request.fields().contains(A_NUMBER) || aNumber == null) {
            return Map.of();
        }
        return ANumber.normalize(String.valueOf(aNumber))
                .map(nine -> Map.of(A_NUMBER, new SourceValue(nine, clock.instant())))
                .orElse(Map.of());
    }
}
