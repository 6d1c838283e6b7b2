package org.tandem.api;

import java.util.List;

/** Input that is well-formed but not acceptable; carries every bad field, never a partial list. */
public class ValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Errors named in the exception message (all of them stay in {@link #errors()}). */
    static final int MESSAGE_ERRORS = 20;

    private final transient List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(message(errors));
        this.errors = List.copyOf(errors);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    /** At most the first {@value #MESSAGE_ERRORS} errors: a hostile document can make a million of them. */
    private static String message(List<FieldError> errors) {
        String shown = errors.size() <= MESSAGE_ERRORS ? errors.toString()
                : errors.subList(0, MESSAGE_ERRORS) + " and " + (errors.size() - MESSAGE_ERRORS) + " more";
        return errors.size() + " invalid field(s): " + shown;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
