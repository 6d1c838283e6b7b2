package org.tandem.demo.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.tandem.api.cases.Channel;
import org.tandem.api.cases.ContactPreferences;
import org.tandem.api.cases.Incident;
import org.tandem.api.cases.NewCase;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.SafeHours;
import org.tandem.api.cases.ServiceCategory;

/** A few fictional cases; names, numbers and addresses are invented (555 phone numbers, example.org). */
final class DemoCases {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private DemoCases() {
    }

    static List<NewCase> forPoliceDepartment(Clock clock) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        return List.of(
                new NewCase(new Incident("2026-000123", "IL0160000", now.minus(Duration.ofDays(5)), List.of("13A"),
                        "400 Main St, Springfield"),
                        List.of(new Person(null, PersonRole.PRIMARY_VICTIM, null, "Maria", "Lopez", LocalDate.of(1990, 4, 2),
                                "es", new ContactPreferences("maria@example.org", "+12175550123",
                                        List.of(Channel.SMS, Channel.EMAIL),
                                        new SafeHours(LocalTime.of(9, 0), LocalTime.of(18, 0), CHICAGO), true, true, null)),
                                new Person(null, PersonRole.SECONDARY_VICTIM, "MOTHER", "Ana", "Lopez", null, "es",
                                        new ContactPreferences(null, "+12175550199", List.of(Channel.VOICE), null, false,
                                                true, null))),
                        List.of(ServiceCategory.COUNSELING, ServiceCategory.SHELTER),
                        "Aggravated assault at the victim's residence; suspect is a former partner."),
                new NewCase(new Incident("2026-000131", "IL0160000", now.minus(Duration.ofDays(3)), List.of("220"),
                        "1200 Oak Ave, Springfield"),
                        List.of(new Person(null, PersonRole.PRIMARY_VICTIM, null, "James", "Carter", LocalDate.of(1957, 9, 14),
                                "en", new ContactPreferences("jcarter@example.org", null, List.of(Channel.EMAIL, Channel.LETTER),
                                        null, false, true, null))),
                        List.of(ServiceCategory.COMPENSATION_ASSISTANCE),
                        "Residential burglary while the victim was hospitalised."),
                new NewCase(new Incident("2026-000140", "IL0160000", now.minus(Duration.ofDays(1)), List.of("13B", "90J"),
                        "Lincoln Park, Springfield"),
                        List.of(new Person(null, PersonRole.PRIMARY_VICTIM, null, "Linh", "Nguyen", LocalDate.of(2001, 1, 20),
                                "vi", new ContactPreferences(null, "+12175550142", List.of(Channel.SMS), 
                                        new SafeHours(LocalTime.of(17, 0), LocalTime.of(21, 0), CHICAGO), true, false,
                                        "Sister, Thu Nguyen, +12175550143")),
                                new Person(null, PersonRole.WITNESS, null, "Robert", "King", null, "en",
                                        new ContactPreferences("rking@example.org", null, List.of(Channel.EMAIL), null, false,
                                                true, null))),
                        List.of(ServiceCategory.PERSONAL_ADVOCACY, ServiceCategory.EMOTIONAL_SUPPORT_AND_SAFETY),
                        "Simple assault; victim asks that contact go through her sister."));
    }

    static List<NewCase> forSheriff(Clock clock) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        return List.of(new NewCase(new Incident("SO-26-0457", "IL0830000", now.minus(Duration.ofDays(2)), List.of("23H"),
                "Route 4 rest area, Demo County"),
                List.of(new Person(null, PersonRole.PRIMARY_VICTIM, null, "Grace", "Okafor", LocalDate.of(1978, 6, 30), "en",
                        new ContactPreferences("gokafor@example.org", "+12175550177", List.of(Channel.EMAIL, Channel.SMS), null,
                                false, true, null))),
                List.of(ServiceCategory.INFORMATION_AND_REFERRAL), "Theft from a vehicle."));
    }
}
