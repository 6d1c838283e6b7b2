package org.tandem.api.spi;

import java.util.List;

/**
 * One active extension as the platform sees it: what kind, which service of which bundle, its
 * ranking and agency filter, and how often it ran and failed since it was registered.
 *
 * @param kind e.g. {@code IntakeValidator}, {@code IntakeEnricher}, {@code RoutesBuilder}
 * @param name {@link Extensions#NAME} or the implementation class
 * @param serviceId the OSGi service id
 * @param bundle symbolic name and version of the bundle that registered it
 * @param ranking {@code service.ranking}
 * @param agencies the {@link Extensions#AGENCY} filter; empty means every agency
 * @param invocations calls since registration
 * @param failures calls that threw, returned nothing or were otherwise skipped
 * @param lastFailure what went wrong last, or null
 */
public record ExtensionStatus(String kind, String name, long serviceId, String bundle, int ranking,
        List<String> agencies, long invocations, long failures, String lastFailure) {

    public ExtensionStatus {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
    }
}
