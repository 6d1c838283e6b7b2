package org.tandem.rest.internal;

import java.util.ArrayList;
import java.util.List;

/** Checked REST configuration: built only from valid values. */
record RestSettings(long maxBodyBytes, int maxJsonDepth) {

    static final long MIN_BODY = 1024;
    static final long MAX_BODY = 104_857_600L;
    static final int MIN_DEPTH = 4;
    static final int MAX_DEPTH = 1000;
    static final RestSettings DEFAULTS = new RestSettings(1_048_576L, 32);

    /** @throws IllegalArgumentException naming every invalid property, its value and the allowed range */
    static RestSettings from(RestConfig config) {
        List<String> problems = new ArrayList<>();
        long body;
        int depth;
        try {
            body = config.maxBodyBytes();
            depth = config.maxJsonDepth();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a value cannot be read: " + e.getMessage(), e);
        }
        if (body < MIN_BODY || body > MAX_BODY) {
            problems.add("maxBodyBytes=" + body + " is outside " + MIN_BODY + ".." + MAX_BODY);
        }
        if (depth < MIN_DEPTH || depth > MAX_DEPTH) {
            problems.add("maxJsonDepth=" + depth + " is outside " + MIN_DEPTH + ".." + MAX_DEPTH);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new RestSettings(body, depth);
    }
}
