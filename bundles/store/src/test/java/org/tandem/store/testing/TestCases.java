package org.tandem.store.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.tandem.api.Ids;
import org.tandem.api.cases.CaseStatus;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.ContactPreferences;
import org.tandem.api.cases.Incident;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.SafeHours;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.cases.VictimCase;

/** Fully populated test cases; every list is in a deliberately non-sorted order to prove order is kept. */
public final class TestCases {

    private TestCases() {
    }

    public static VictimCase sample(String agencyId, Instant createdAt) {
        return sample(agencyId, createdAt, CaseStatus.OPEN, "2026-000123");
    }

    public static VictimCase sample(String agencyId, Instant createdAt, CaseStatus status, String incidentNumber) {
        Person victim = new Person(Ids.newId(), PersonRole.PRIMARY_VICTIM, null, "Maria", "Lopez",
                LocalDate.of(1988, 2, 29), "es",
                new ContactPreferences("maria@example.org", "+15555550101",
                        List.of(Channel.LETTER, Channel.SMS, Channel.EMAIL),
                        new SafeHours(LocalTime.of(18, 0), LocalTime.of(7, 30), ZoneId.of("America/Chicago")),
                        true, true, null));
        Person mother = new Person(Ids.newId(), PersonRole.SECONDARY_VICTIM, "parent", "Ana", null,
                LocalDate.of(1961, 12, 31), "en",
                new ContactPreferences(null, "+15555550102", List.of(Channel.VOICE), null, false, false,
                        "Advocate J. Smith, +15555550199"));
        Incident incident = new Incident(incidentNumber, "TX0000000", createdAt.minusSeconds(3600),
                List.of("90Z", "13A", "11A"), "100 Main St, Springfield");
        return new VictimCase(Ids.newId(), agencyId, status, incident, List.of(victim, mother),
                List.of(ServiceCategory.SHELTER, ServiceCategory.COUNSELING,
                        ServiceCategory.INFORMATION_AND_REFERRAL),
                "Victim reports assault at home; children present.", "officer.jones", createdAt,
                createdAt.plusMillis(1500));
    }
}
