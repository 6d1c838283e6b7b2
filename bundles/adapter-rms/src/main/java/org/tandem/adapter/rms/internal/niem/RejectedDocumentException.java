package org.tandem.adapter.rms.internal.niem;

/**
 * A document that is not an acceptable XML document at all (not well-formed, a DTD or entity declaration,
 * larger than the limit): rejected without retry. Schema and business-rule errors are
 * {@link org.tandem.api.ValidationException}s instead.
 */
public class RejectedDocumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, also the HTTP status the REST endpoint answers with. */
    public enum Kind {
        NOT_WELL_FORMED(400), FORBIDDEN_CONSTRUCT(400), TOO_LARGE(413);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;

    public RejectedDocumentException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
