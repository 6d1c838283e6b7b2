package org.tandem.adapter.state.internal.feed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

import org.tandem.api.registration.Registration;
import org.tandem.api.registration.RegistrationRepository;
import org.tandem.api.registration.StateEventProperties;

/**
 * Turns a report into events: the active registrations for its offender (and, for a case-level report, for its
 * case) grouped by case, one event per case carrying the registered persons' ids. Ids and codes only.
 */
public final class StateEvents {

    private final RegistrationRepository registrations;
    private final BiConsumer<String, Map<String, Object>> publisher;

    public StateEvents(RegistrationRepository registrations, BiConsumer<String, Map<String, Object>> publisher) {
        this.registrations = Objects.requireNonNull(registrations, "registrations");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /** @return the number of events posted (cases with registered persons) */
    public int publish(StateReport report) {
        Map<String, Set<String>> personsByCase = new LinkedHashMap<>();
        Map<String, String> agencyByCase = new HashMap<>();
        for (Registration r : registrations.activeMatching(report.offenderId(), report.caseId())) {
            personsByCase.computeIfAbsent(r.caseId(), k -> new LinkedHashSet<>()).add(r.personId());
            agencyByCase.put(r.caseId(), r.agencyId());
        }
        String topic = report.kind() == StateReport.Kind.CUSTODY ? StateEventProperties.CUSTODY_STATUS_CHANGED
                : StateEventProperties.COURT_EVENT_SCHEDULED;
        List<Map<String, Object>> events = new ArrayList<>();
        personsByCase.forEach((caseId, persons) -> {
            Map<String, Object> p = new HashMap<>();
            p.put(StateEventProperties.CASE_ID, caseId);
            p.put(StateEventProperties.AGENCY_ID, agencyByCase.get(caseId));
            p.put(StateEventProperties.PERSON_IDS, persons.toArray(new String[0]));
            if (report.offenderId() != null) {
                p.put(StateEventProperties.OFFENDER_ID, report.offenderId());
            }
            p.put(StateEventProperties.STATUS, report.status());
            p.put(StateEventProperties.OCCURRED_AT, report.occurredAt().toEpochMilli());
            p.put(StateEventProperties.REPORT_ID, report.reportId());
            events.add(p);
        });
        events.forEach(e -> publisher.accept(topic, e));
        return events.size();
    }
}
