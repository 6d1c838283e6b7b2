package org.tandem.intake.internal.validation;

import java.util.ArrayList;
import java.util.List;

import org.tandem.api.FieldError;
import org.tandem.api.ValidationException;

/** Collects every rejected field of one input so the caller learns about all of them at once. */
public final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    /** @throws ValidationException carrying every collected error, if there is any */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** {@code parent.child}, or just {@code child} at the root. */
    public static String path(String parent, String child) {
        return parent.isEmpty() ? child : parent + "." + child;
    }

    /** {@code parent[index]}. */
    public static String path(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
