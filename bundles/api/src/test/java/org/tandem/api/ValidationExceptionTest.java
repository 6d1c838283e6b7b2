package org.tandem.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ValidationExceptionTest {

    @Test
    void keepsEveryErrorButNamesOnlyTheFirstInItsMessage() {
        List<FieldError> many = new ArrayList<>();
        for (int i = 0; i < 1_000_000; i++) {
            many.add(new FieldError("header", "unknown column 'x" + i + "' (known: id, name, services, ...)"));
        }
        ValidationException e = new ValidationException(many);
        assertEquals(1_000_000, e.errors().size());
        assertTrue(e.getMessage().length() < 10_000, "message of " + e.getMessage().length() + " characters");
        assertTrue(e.getMessage().startsWith("1000000 invalid field(s): [FieldError[field=header, "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" and 999980 more"), e.getMessage());
        assertEquals("1 invalid field(s): [" + new FieldError("a", "b") + "]", new ValidationException("a", "b").getMessage());
    }
}
