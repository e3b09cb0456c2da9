package org.casework.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ANumberTest {

    @Test
    void acceptedWritingsNormaliseToNineDigits() {
        assertEquals(Optional.of("123456789"), ANumber.normalize("A123-456-789"));
        assertEquals(Optional.of("123456789"), ANumber.normalize("a 123 456 789"));
        assertEquals(Optional.of("012345678"), ANumber.normalize("12345678"));
        assertEquals(Optional.of("001234567"), ANumber.normalize("A1234567"));
    }

    @Test
    void lettersWrongLengthsAndZeroAreRefused() {
        assertEquals(Optional.empty(), ANumber.normalize("A12B456789"));
        assertEquals(Optional.empty(), ANumber.normalize("123456"));
        assertEquals(Optional.empty(), ANumber.normalize("1234567890"));
        assertEquals(Optional.empty(), ANumber.normalize("000000000"));
        assertEquals(Optional.empty(), ANumber.normalize(null));
    }

    @Test
    void displayForm() {
        assertEquals("A012-345-678", ANumber.format("012345678"));
    }
}
