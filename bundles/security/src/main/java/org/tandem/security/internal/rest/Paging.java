package org.tandem.security.internal.rest;

import java.util.ArrayList;
import java.util.List;

import org.tandem.api.FieldError;
import org.tandem.api.Page;
import org.tandem.api.ValidationException;

/** page/size query parameters and paging of short in-memory lists. */
final class Paging {

    private Paging() {
    }

    static <T> Page<T> page(List<T> all, String page, String size) {
        List<FieldError> errors = new ArrayList<>();
        int p = parse("page", page, 0, 0, Integer.MAX_VALUE, errors);
        int s = parse("size", size, Page.DEFAULT_SIZE, 1, Page.MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        long from = (long) p * s;
        List<T> items = from >= all.size() ? List.of() : all.subList((int) from, (int) Math.min(all.size(), from + s));
        return new Page<>(items, p, s, all.size());
    }

    private static int parse(String name, String value, int fallback, int min, int max, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be an integer between " + min + " and " + max));
        return fallback;
    }
}
