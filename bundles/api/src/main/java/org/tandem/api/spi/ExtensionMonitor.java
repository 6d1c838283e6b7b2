package org.tandem.api.spi;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered by each platform bundle that calls extensions (intake for its enrichers and
 * validators, the Camel context for route builders): what is active now and how it behaves.
 * {@code tandem:extension-list} shows the union of all monitors.
 */
@ProviderType
public interface ExtensionMonitor {

    List<ExtensionStatus> extensions();
}
