package org.casework.core.impl.internal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.core.api.spi.FieldDefinition;
import org.junit.jupiter.api.Test;

class SearchIndexTest {

    private static final CaseTypeDefinition TYPE = CaseTypeDefinition.builder("sample")
            .numberPrefix("SA").titleField("subject")
            .field(FieldDefinition.text("subject", "Subject"))
            .field(FieldDefinition.number("amount", "Amount"))
            .field(FieldDefinition.aNumber("aNumber", "A-Number"))
            .field(FieldDefinition.person("person", "Person"))
            .state("OPEN", "Open").build();

    @Test
    void aliasesAreIndexedAfterTheName() {
        List<SearchIndex.Entry> e = SearchIndex.entries(TYPE, Map.of("person",
                Map.of("fullName", "José Núñez", "aliases", List.of("Jose Nunez Perez"))));
        assertEquals(List.of(new SearchIndex.Entry("person", 0, "jose nunez", null),
                new SearchIndex.Entry("person", 1, "jose nunez perez", null)), e);
    }

    @Test
    void searchTextFindsNumberTitleAndANumberInBothForms() {
        String text = SearchIndex.searchText(TYPE, "SA-2026-000001",
                Map.of("subject", "Visit to Élan", "aNumber", "012345678", "amount", new BigDecimal("3")));
        assertTrue(text.contains("sa-2026-000001"));
        assertTrue(text.contains("visit to elan"));
        assertTrue(text.contains("012345678") && text.contains("a012-345-678"));
    }

    @Test
    void filterValuesAreNormalisedLikeStoredOnes() {
        assertEquals("012345678", SearchIndex.filterValue(TYPE.field("aNumber").orElseThrow(), "A012-345-678"));
        assertEquals("3", SearchIndex.filterValue(TYPE.field("amount").orElseThrow(), "3.000"));
        assertEquals("jose", SearchIndex.filterValue(TYPE.field("subject").orElseThrow(), " José "));
    }
}
