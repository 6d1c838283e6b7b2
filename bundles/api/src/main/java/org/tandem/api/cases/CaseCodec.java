package org.tandem.api.cases;

import java.nio.charset.StandardCharsets;

/**
 * Reads a case document of one format into a {@link NewCase}. Registered as an OSGi service with the
 * service property {@value #FORMAT} naming the format: {@code json} (the REST contract, provided by the
 * intake bundle) and {@code niem} (NIEM incident reports, provided by the RMS adapter). Integration code
 * such as the {@code tandem:intake} Camel endpoint selects the reader by that property, so every path
 * maps a document exactly like the bundle that owns the format.
 */
public interface CaseCodec {

    /** Service property naming the format a codec reads, e.g. {@code (format=json)}. */
    String FORMAT = "format";

    /**
     * @param document the complete document; callers cap its size before reading it into memory
     * @return the case the document describes, not yet validated against the business rules
     * @throws org.tandem.api.ValidationException when the document is malformed or does not follow the
     *         format's contract; every problem found is listed
     */
    NewCase read(byte[] document);

    /** Reads a document given as text (UTF-8). */
    default NewCase read(String document) {
        return read(document.getBytes(StandardCharsets.UTF_8));
    }
}
