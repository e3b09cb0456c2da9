package org.casework.core.impl.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casework.core.api.Caller;
import org.casework.core.api.FieldError;
import org.casework.core.api.spi.CaseAction;
import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.core.api.spi.FieldDefinition;
import org.junit.jupiter.api.Test;

class FieldValidatorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);
    private static final Caller STAFF = new Caller("ana", "Ana", Set.of("staff"), Set.of(), false, false);

    private static final CaseTypeDefinition TYPE = CaseTypeDefinition.builder("sample")
            .label("Sample", "Samples").numberPrefix("SA").titleField("subject")
            .field(FieldDefinition.text("subject", "Subject").required().maxLength(20))
            .field(FieldDefinition.number("amount", "Amount").range(0, 1000))
            .field(FieldDefinition.date("receivedOn", "Received on").notInFuture())
            .field(FieldDefinition.enumeration("chamber", "Chamber", "HOUSE", "SENATE"))
            .field(FieldDefinition.aNumber("aNumber", "A-Number"))
            .field(FieldDefinition.person("person", "Person"))
            .field(FieldDefinition.email("email", "E-mail"))
            .field(FieldDefinition.text("secret", "Secret").editableBy("nsls"))
            .state("OPEN", "Open").closedState("CLOSED", "Closed")
            .transition("close", "Close", "CLOSED", "OPEN")
            .allow(CaseAction.CREATE, "staff").build();

    private final FieldValidator validator = new FieldValidator(CLOCK);

    private FieldValidator.Result create(Map<String, Object> input) {
        return validator.apply(TYPE, Map.of(), input, true, STAFF, id -> id == 7);
    }

    private static Set<String> rules(FieldValidator.Result r) {
        Set<String> out = new java.util.TreeSet<>();
        for (FieldError e : r.errors()) {
            out.add(e.field() + ":" + e.rule());
        }
        return out;
    }

    @Test
    void missingRequiredFieldIsNamed() {
        assertEquals(Set.of("fields.subject:required"), rules(create(Map.of())));
    }

    @Test
    void eachRuleIsReportedWithItsField() {
        Map<String, Object> in = new HashMap<>();
        in.put("subject", "x".repeat(21));
        in.put("amount", 1001);
        in.put("receivedOn", "2026-03-11");
        in.put("chamber", "LORDS");
        in.put("aNumber", "A12B456789");
        in.put("email", "not-an-address");
        in.put("colour", "red");
        assertEquals(Set.of("fields.subject:maxLength", "fields.amount:range", "fields.receivedOn:notInFuture",
                "fields.chamber:option", "fields.aNumber:aNumber", "fields.email:email", "fields.colour:unknown"),
                rules(create(in)));
    }

    @Test
    void wrongJsonTypesAreRefused() {
        Map<String, Object> in = Map.of("subject", 42, "amount", "ten", "receivedOn", 5);
        assertEquals(Set.of("fields.subject:type", "fields.amount:type", "fields.receivedOn:date"), rules(create(in)));
    }

    @Test
    void valuesAreNormalised() {
        FieldValidator.Result r = create(Map.of("subject", "  Visit  ", "amount", 12.50, "aNumber", "A012-345-678"));
        assertTrue(r.errors().isEmpty(), r.errors().toString());
        assertEquals("Visit", r.values().get("subject"));
        assertEquals(new BigDecimal("12.5"), r.values().get("amount"));
        assertEquals("012345678", r.values().get("aNumber"));
    }

    @Test
    void aNewNameKeepsTheOldOneAsAlias() {
        Map<String, Object> stored = Map.of("subject", "s",
                "person", Map.of("fullName", "Maria Lopez", "aliases", List.of("M. Lopez")));
        FieldValidator.Result r = validator.apply(TYPE, stored,
                Map.of("person", Map.of("fullName", "Maria Lopez Garcia", "aliases", List.of())), false, STAFF, id -> true);
        assertTrue(r.errors().isEmpty(), r.errors().toString());
        Map<?, ?> p = (Map<?, ?>) r.values().get("person");
        assertEquals("Maria Lopez Garcia", p.get("fullName"));
        assertEquals(List.of("M. Lopez", "Maria Lopez"), p.get("aliases"));
        assertEquals(Set.of("person"), r.changed());
    }

    @Test
    void restrictedFieldCannotBeSetWithoutTheRole() {
        FieldValidator.Result r = create(Map.of("subject", "s", "secret", "x"));
        assertEquals(Set.of("fields.secret:forbidden"), rules(r));
        Caller nsls = new Caller("nsl", "N", Set.of("nsls"), Set.of(), false, false);
        assertTrue(validator.apply(TYPE, Map.of(), Map.of("subject", "s", "secret", "x"), true, nsls, id -> true)
                .errors().isEmpty());
    }

    @Test
    void restrictedFieldIsRefusedEvenUnchangedAndNotDemanded() {
        CaseTypeDefinition type = CaseTypeDefinition.builder("hidden").numberPrefix("HI")
                .field(FieldDefinition.text("subject", "Subject").required())
                .field(FieldDefinition.text("code", "Code").required().readableOnlyBy("division:nsl"))
                .state("OPEN", "Open").build();
        FieldValidator.Result same = validator.apply(type, Map.of("subject", "s", "code", "k"),
                Map.of("code", "k"), false, STAFF, id -> true);
        assertEquals(Set.of("fields.code:forbidden"), rules(same));
        assertTrue(validator.apply(type, Map.of(), Map.of("subject", "s"), true, STAFF, id -> true).errors().isEmpty());
        Caller nsl = new Caller("nina", "N", Set.of("staff"), Set.of("nsl"), false, false);
        assertEquals(Set.of("fields.code:required"),
                rules(validator.apply(type, Map.of(), Map.of("subject", "s"), true, nsl, id -> true)));
    }

    @Test
    void updateLeavesFieldsNotSentAlone() {
        Map<String, Object> stored = Map.of("subject", "old", "chamber", "HOUSE");
        FieldValidator.Result r = validator.apply(TYPE, stored, Map.of("subject", "new"), false, STAFF, id -> true);
        assertEquals("HOUSE", r.values().get("chamber"));
        assertEquals(Set.of("subject"), r.changed());
    }

    @Test
    void clearingARequiredFieldIsRefused() {
        Map<String, Object> in = new HashMap<>();
        in.put("subject", null);
        FieldValidator.Result r = validator.apply(TYPE, Map.of("subject", "old"), in, false, STAFF, id -> true);
        assertEquals(Set.of("fields.subject:required"), rules(r));
    }
}
