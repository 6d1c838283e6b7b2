package org.tandem.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code org.tandem.store} ({@code etc/org.tandem.store.cfg}). A change of
 * {@code migrateOnStart} applies at the next start; a change of {@code dataSource.target} that selects
 * another DataSource restarts the store on it (an invalid filter leaves the store unsatisfied: DS logs it).
 */
@ObjectClassDefinition(name = "Tandem store", description = "The DataSource the store uses and its schema migration")
@interface StoreConfig {

    @AttributeDefinition(name = "DataSource filter",
            description = "LDAP filter selecting the javax.sql.DataSource service, e.g. (dataSourceName=tandem)")
    String dataSource_target() default StoreComponent.DEFAULT_DATA_SOURCE_TARGET;

    @AttributeDefinition(name = "Migrate on start",
            description = "Apply pending schema migrations at start; when false the schema must already be current")
    boolean migrateOnStart() default true;
}
