package org.tandem.api.cases;

import java.util.Optional;

import org.tandem.api.Page;

/** Persistence of cases (implemented by the store bundle). Every read is scoped to one agency. */
public interface CaseRepository {

    /** Stores the case with its persons, offenses and needs in one transaction. */
    void insert(VictimCase victimCase);

    Optional<VictimCase> find(String agencyId, String caseId);

    Page<VictimCase> search(CaseQuery query);

    long count(String agencyId);
}
