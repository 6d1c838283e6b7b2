package org.tandem.intake.internal.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.tandem.api.Page;
import org.tandem.api.cases.CaseQuery;
import org.tandem.api.cases.CaseRepository;
import org.tandem.api.cases.Person;
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

    @Override
    public synchronized Optional<VictimCase> findByIncident(String agencyId, String ori, String incidentNumber) {
        calls.add("findByIncident");
        return cases.values().stream()
                .filter(c -> c.agencyId().equals(agencyId) && c.incident() != null
                        && c.incident().ori().equals(ori) && c.incident().number().equals(incidentNumber))
                .min(Comparator.comparing(VictimCase::createdAt));
    }

    @Override
    public synchronized void addPersons(String agencyId, String caseId, List<Person> persons, Instant updatedAt) {
        calls.add("addPersons");
        VictimCase c = find(agencyId, caseId).orElseThrow(() -> new NoSuchElementException(caseId));
        List<Person> all = new ArrayList<>(c.persons());
        all.addAll(persons);
        cases.put(caseId, new VictimCase(c.id(), c.agencyId(), c.status(), c.incident(), all, c.needs(), c.narrative(),
                c.createdBy(), c.createdAt(), updatedAt));
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
