package org.tandem.intake.internal.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tandem.api.Page;
import org.tandem.api.cases.CaseQuery;
import org.tandem.api.cases.CaseRepository;
import org.tandem.api.cases.VictimCase;

/**
 * A map-backed CaseRepository for unit tests of the intake logic (the real store is tested in the
 * store module and the integration tests). Records calls so tests can assert what was queried.
 */
public final class InMemoryCaseRepository implements CaseRepository {

    private final Map<String, VictimCase> cases = new LinkedHashMap<>();
    public final List<String> calls = new ArrayList<>();
    public final List<CaseQuery> queries = new ArrayList<>();
    public RuntimeException failInsertWith;
    /** Simulates a faulty store that ignores the agency scope of {@link #find}. */
    public boolean ignoreAgencyOnFind;

    @Override
    public synchronized void insert(VictimCase victimCase) {
        calls.add("insert");
        if (failInsertWith != null) {
            throw failInsertWith;
        }
        if (cases.putIfAbsent(victimCase.id(), victimCase) != null) {
            throw new IllegalStateException("duplicate id " + victimCase.id());
        }
    }

    @Override
    public synchronized Optional<VictimCase> find(String agencyId, String caseId) {
        calls.add("find");
        return Optional.ofNullable(cases.get(caseId)).filter(c -> ignoreAgencyOnFind || c.agencyId().equals(agencyId));
    }

    @Override
    public synchronized Page<VictimCase> search(CaseQuery query) {
        calls.add("search");
        queries.add(query);
        List<VictimCase> matching = cases.values().stream()
                .filter(c -> c.agencyId().equals(query.agencyId()))
                .filter(c -> query.status() == null || c.status() == query.status())
                .filter(c -> query.incidentNumber() == null || c.incident().number().equals(query.incidentNumber()))
                .toList();
        int from = Math.min(matching.size(), query.page() * query.size());
        int to = Math.min(matching.size(), from + query.size());
        return new Page<>(matching.subList(from, to), query.page(), query.size(), matching.size());
    }

    @Override
    public synchronized long count(String agencyId) {
        return cases.values().stream().filter(c -> c.agencyId().equals(agencyId)).count();
    }

    public synchronized boolean contains(String caseId) {
        return cases.containsKey(caseId);
    }

    public synchronized int size() {
        return cases.size();
    }

    /** Stores a case directly, bypassing the service (e.g. another agency's case). */
    public synchronized void put(VictimCase victimCase) {
        cases.put(victimCase.id(), victimCase);
    }
}
