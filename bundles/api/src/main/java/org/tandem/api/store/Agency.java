package org.tandem.api.store;

/** A participating agency; {@code id} is e.g. the ORI of a law-enforcement agency. */
public record Agency(String id, AgencyKind kind, String name) {
}
