package org.tandem.api.store;

import java.util.List;
import java.util.Optional;

public interface AgencyRepository {

    /** Inserts or updates the agency. */
    void save(Agency agency);

    Optional<Agency> find(String id);

    List<Agency> list();
}
