package org.tandem.store.internal.migration;

import java.util.List;

/** What a migration run did: the versions it applied now (empty when up to date) and the resulting version. */
public record MigrationResult(List<Integer> applied, int currentVersion) {

    public MigrationResult {
        applied = List.copyOf(applied);
    }
}
