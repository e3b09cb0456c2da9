package org.casework.examples.sources.internal;

import java.time.Clock;
import java.util.Map;

import org.casework.core.api.ANumber;
import org.casework.core.api.spi.AuthoritativeSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * A stand-in for EID, the enforcement system that owns custody status, so the mechanism can be
 * seen working before the real connector exists. It knows nobody: it derives a status from the
 * case's A-Number (last digit even: detained, odd: released) and says so at the current time.
 * Never install it where the real EID connector runs.
 */
@Component(service = AuthoritativeSource.class, property = AuthoritativeSource.PROPERTY + "=" + ExampleEid.NAME)
public class ExampleEid implements AuthoritativeSource {

    static final String NAME = "EID";
    static final String CUSTODY = "custodyStatus";

    private final Clock clock;

    @Activate
    public ExampleEid() {
        this(Clock.systemUTC());
    }

    ExampleEid(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Map<String, SourceValue> lookup(Lookup request) {
        Object aNumber = request.values().get("aNumber");
        if (!request.fields().contains(CUSTODY) || aNumber == null) {
            return Map.of();
        }
        return ANumber.normalize(String.valueOf(aNumber))
                .map(nine -> Map.of(CUSTODY, new SourceValue(custody(nine), clock.instant())))
                .orElse(Map.of());
    }

    static String custody(String nineDigits) {
        return (nineDigits.charAt(nineDigits.length() - 1) - '0') % 2 == 0 ? "DETAINED" : "RELEASED";
    }
}
