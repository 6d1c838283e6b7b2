package org.tandem.api;

/**
 * Whiteboard service: {@code GET /health} answers UP only when every registered check is ready
 * (e.g. the demo data set is still loading). The store's readiness is its {@code StoreInfo} service.
 */
public interface ReadinessCheck {

    String name();

    boolean ready();
}
