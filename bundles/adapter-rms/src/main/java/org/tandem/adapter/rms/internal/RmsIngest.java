package org.tandem.adapter.rms.internal;

import org.tandem.api.Caller;

/** The RMS adapter's HTTP entry (used by the REST resource): one report through the {@code rms-http-intake} route. */
public interface RmsIngest {

    /** What happened to a report. {@code caseId} is null for a duplicate. */
    record Result(String caseId, boolean created, int personsAdded, boolean duplicate) {
    }

    long maxDocumentBytes();

    /**
     * @throws org.tandem.adapter.rms.internal.niem.RejectedDocumentException for documents that are not acceptable XML
     * @throws org.tandem.api.ValidationException for schema or business-rule violations
     * @throws IllegalStateException when the adapter is not running
     */
    Result ingest(Caller caller, byte[] document);
}
