package org.tandem.reports.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.tandem.api.cases.CaseStatus;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationState;
import org.tandem.api.referral.Referral;

/**
 * Computes a {@link VocaReport} from an agency's cases, the referrals it made and the notifications on its cases.
 * Pure: the same data always gives the same numbers (the definitions are in docs/reports.md).
 */
final class VocaCalculator {

    private static final Set<NotificationState> SENT = Set.of(NotificationState.SENT, NotificationState.DELIVERED);

    private VocaCalculator() {
    }

    static VocaReport compute(String agencyId, Quarter q, List<VictimCase> cases, List<Referral> referrals,
            List<Notification> notifications) {
        Instant start = q.start();
        Instant end = q.end();
        Map<String, Person> victims = new LinkedHashMap<>();
        Set<String> newOnes = new HashSet<>();
        long primary = 0;
        long secondary = 0;
        Map<String, Set<String>> byType = new LinkedHashMap<>();
        Map<String, Map<String, Set<String>>> demographics = new LinkedHashMap<>();
        for (String d : List.of("age", "language", "gender", "race/ethnicity")) {
            demographics.put(d, new LinkedHashMap<>());
        }
        VocaCategories.AGE_GROUPS.forEach(g -> demographics.get("age").put(g, new HashSet<>()));
        for (VictimCase c : cases) {
            if (!servedIn(c, start, end)) {
                continue;
            }
            boolean isNew = !c.createdAt().isBefore(start);
            LocalDate incidentDate = c.incident() == null || c.incident().occurredAt() == null
                    ? LocalDate.ofInstant(c.createdAt(), ZoneOffset.UTC)
                    : LocalDate.ofInstant(c.incident().occurredAt(), ZoneOffset.UTC);
            List<String> offenses = c.incident() == null ? List.of() : c.incident().offenses();
            for (Person p : c.persons()) {
                if (p.role() != PersonRole.PRIMARY_VICTIM && p.role() != PersonRole.SECONDARY_VICTIM) {
                    continue;
                }
                if (victims.putIfAbsent(p.id(), p) != null) {
                    continue;
                }
                if (p.role() == PersonRole.PRIMARY_VICTIM) {
                    primary++;
                } else {
                    secondary++;
                }
                if (isNew) {
                    newOnes.add(p.id());
                }
                String age = VocaCategories.ageGroup(p.birthDate(), incidentDate);
                boolean minor = "0-12".equals(age) || "13-17".equals(age);
                for (String type : VocaCategories.victimizations(offenses, minor)) {
                    byType.computeIfAbsent(type, k -> new HashSet<>()).add(p.id());
                }
                demographics.get("age").get(age).add(p.id());
                String language = p.language() == null || p.language().isBlank() ? "Not reported"
                        : p.language().split("-")[0].toLowerCase(Locale.ROOT);
                demographics.get("language").computeIfAbsent(language, k -> new HashSet<>()).add(p.id());
                // not collected by Tandem's intake: reported as such, never guessed
                demographics.get("gender").computeIfAbsent("Not reported", k -> new HashSet<>()).add(p.id());
                demographics.get("race/ethnicity").computeIfAbsent("Not reported", k -> new HashSet<>()).add(p.id());
            }
        }

        Map<String, Set<String>> areas = new LinkedHashMap<>();
        VocaCategories.AREAS.forEach(a -> areas.put(a, new HashSet<>()));
        Map<String, Long> services = new LinkedHashMap<>();
        for (Referral r : referrals) {
            if (!agencyId.equals(r.agencyId()) || !q.contains(r.sentAt()) || !victims.containsKey(r.personId())) {
                continue;
            }
            services.merge(VocaCategories.SERVICE_REFERRAL, 1L, Long::sum);
            areas.get(VocaCategories.AREA_A).add(r.personId());
            for (ServiceCategory s : r.services()) {
                areas.get(VocaCategories.area(s)).add(r.personId());
            }
        }
        for (Notification n : notifications) {
            String service = VocaCategories.notificationService(n.eventType());
            if (service == null || !SENT.contains(n.state()) || !q.contains(n.sentAt())
                    || !victims.containsKey(n.personId())) {
                continue;
            }
            services.merge(service, 1L, Long::sum);
            areas.get(VocaCategories.areaOfService(service)).add(n.personId());
        }

        return new VocaReport(agencyId, q.toString(), start.toString(), end.toString(), victims.size(), newOnes.size(),
                victims.size() - newOnes.size(), primary, secondary, counts(byType), nested(demographics),
                counts(areas), services);
    }

    /** Open at some time in [start, end): opened before the end, and not closed before the start. */
    static boolean servedIn(VictimCase c, Instant start, Instant end) {
        if (!c.createdAt().isBefore(end)) {
            return false;
        }
        return c.status() == CaseStatus.OPEN || !c.updatedAt().isBefore(start);
    }

    private static Map<String, Long> counts(Map<String, Set<String>> sets) {
        Map<String, Long> out = new LinkedHashMap<>();
        sets.forEach((k, v) -> out.put(k, (long) v.size()));
        return out;
    }

    private static Map<String, Map<String, Long>> nested(Map<String, Map<String, Set<String>>> sets) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        sets.forEach((k, v) -> out.put(k, counts(v)));
        return out;
    }
}
