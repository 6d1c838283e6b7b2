package org.tandem.adapter.state.internal;

import org.tandem.adapter.state.internal.feed.StateReport;

/** The HTTP entry of the state feeds (used by the REST resource): one report through its kind's http route. */
public interface StateIngest {

    /** {@code events}: how many events the report posted; -1 for a duplicate (already processed) report. */
    record Result(String reportId, int events) {
        public boolean duplicate() {
            return events < 0;
        }
    }

    long maxReportBytes();

    /**
     * @throws org.tandem.adapter.state.internal.feed.RejectedReportException for unacceptable content
     * @throws org.tandem.api.ValidationException for schema or value errors
     * @throws IllegalStateException when the adapter is not running or the report could not be processed now
     */
    Result ingest(StateReport.Kind kind, byte[] report);
}
