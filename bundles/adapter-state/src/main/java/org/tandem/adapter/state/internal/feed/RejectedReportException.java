package org.tandem.adapter.state.internal.feed;

/** A report that is not acceptable at all (not well-formed XML or JSON, a DOCTYPE, too large): never retried. */
public class RejectedReportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public RejectedReportException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status the REST endpoint answers with (400 or 413). */
    public int status() {
        return status;
    }
}
