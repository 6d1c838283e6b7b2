package org.tandem.api.store;

/**
 * Registered by the store once its schema is migrated: its presence means the store is ready.
 */
public interface StoreInfo {

    int schemaVersion();

    String databaseProduct();

    /** A cheap round trip to the database; false when it cannot answer. */
    boolean ping();
}
