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

import org.tandem.api.notification.NotificationEvents;
import org.tandem.api.registration.Registration;
import org.tandem.api.registration.RegistrationRepository;

/**
 * Turns a report into events: the active registrations for its offender (and, for a case-level report, for its
 * case) grouped by case, one event per case carrying the registered persons' ids. The topics and properties are the
 * notification engine's ({@link NotificationEvents}): the engine queues the notifications (consent and contact
 * rules apply); {@code tandem:events} routes see the same events. Ids and codes only.
 */
public final class StateEvents {

    /** String: the id the state gave the report; unique per feed. */
    public static final String PROP_REPORT_ID = "reportId";

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
        boolean custody = report.kind() == StateReport.Kind.CUSTODY;
        String topic = custody ? NotificationEvents.CUSTODY_STATUS_CHANGED : NotificationEvents.COURT_EVENT_SCHEDULED;
        List<Map<String, Object>> events = new ArrayList<>();
        personsByCase.forEach((caseId, persons) -> {
            Map<String, Object> p = new HashMap<>();
            p.put(NotificationEvents.PROP_CASE_ID, caseId);
            p.put(NotificationEvents.PROP_AGENCY_ID, agencyByCase.get(caseId));
            p.put(NotificationEvents.PROP_PERSON_IDS, persons.toArray(new String[0]));
            if (report.offenderId() != null) {
                p.put(NotificationEvents.PROP_OFFENDER_ID, report.offenderId());
            }
            p.put(NotificationEvents.PROP_STATUS, report.status());
            long at = report.occurredAt().toEpochMilli();
            p.put(NotificationEvents.PROP_OCCURRED_AT, at);
            if (custody) {
                p.put(NotificationEvents.PROP_CUSTODY_STATUS, report.status());
            } else {
                p.put(NotificationEvents.PROP_COURT_EVENT_TYPE, report.status());
                p.put(NotificationEvents.PROP_SCHEDULED_AT, at);
            }
            p.put(PROP_REPORT_ID, report.reportId());
            // the engine's de-duplication key (with person, recipient and channel): one notification per report
            p.put(NotificationEvents.PROP_EVENT_ID, report.kind().ledger() + ":" + report.reportId());
            events.add(p);
        });
        events.forEach(e -> publisher.accept(topic, e));
        return events.size();
    }
}
