package org.tandem.api;

/** One rejected input field: a JSON-pointer-like path (e.g. {@code persons[0].birthDate}) and why. */
public record FieldError(String field, String message) {
}
