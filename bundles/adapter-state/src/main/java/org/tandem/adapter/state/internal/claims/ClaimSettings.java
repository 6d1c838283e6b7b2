package org.tandem.adapter.state.internal.claims;

import java.util.Locale;

import org.tandem.adapter.state.internal.StateConfig;

/**
 * The claim part of the configuration. {@code endpoint} null: claims are accepted and queued but not sent (the
 * sender route does not start). {@code wsdlUrl}: where CXF reads the compensation WSDL from (a file copied out of
 * the bundle).
 */
public record ClaimSettings(String stateAgencyId, String endpoint, Protocol protocol, long pollIntervalMs,
        int maximumRedeliveries, long redeliveryDelayMs, long maximumRedeliveryDelayMs, long staleAfterMs,
        String wsdlUrl) {

    public enum Protocol { SOAP, REST }

    public static ClaimSettings of(StateConfig c, String wsdlUrl) {
        String endpoint = c.claimsEndpoint() == null || c.claimsEndpoint().isBlank() ? null : c.claimsEndpoint().strip();
        return new ClaimSettings(c.stateAgencyId().strip(), endpoint,
                Protocol.valueOf(c.claimsProtocol().strip().toUpperCase(Locale.ROOT)), c.claimsPollIntervalMs(),
                c.claimsMaximumRedeliveries(), c.claimsRedeliveryDelayMs(), c.claimsMaximumRedeliveryDelayMs(),
                c.claimsStaleAfterMs(), wsdlUrl);
    }
}
