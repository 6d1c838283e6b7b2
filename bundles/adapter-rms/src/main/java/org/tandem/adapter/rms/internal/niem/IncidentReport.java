package org.tandem.adapter.rms.internal.niem;

import org.tandem.api.cases.NewCase;

/**
 * An RMS incident report as read: the document's identity and the case it describes. Reports are idempotent on
 * {@link #key()}: (ORI, incident number, document id).
 */
public record IncidentReport(String documentId, String ori, String incidentNumber, NewCase newCase) {

    /** "ORI|incident number|document id". */
    public String key() {
        return ori + "|" + incidentNumber + "|" + documentId;
    }
}
