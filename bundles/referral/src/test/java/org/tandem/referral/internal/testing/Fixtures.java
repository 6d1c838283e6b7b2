package org.tandem.referral.internal.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import org.tandem.api.Caller;
import org.tandem.api.Ids;
import org.tandem.api.Role;
import org.tandem.api.cases.CaseStatus;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.ContactPreferences;
import org.tandem.api.cases.Incident;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.SafeHours;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.referral.Provider;
import org.tandem.api.referral.ProviderContact;
import org.tandem.api.referral.ProviderService;
import org.tandem.api.referral.ServiceArea;

public final class Fixtures {

    public static final Caller OFFICER = new Caller("officer", "PD-DEMO", EnumSet.of(Role.OFFICER));
    public static final Caller SUPERVISOR = new Caller("supervisor", "PD-DEMO", EnumSet.of(Role.SUPERVISOR));
    public static final Caller ADVOCATE = new Caller("advocate", "VSP-DEMO", EnumSet.of(Role.ADVOCATE));
    public static final Caller OFFICER2 = new Caller("officer2", "SO-DEMO", EnumSet.of(Role.OFFICER));
    public static final Caller ADMIN = new Caller("admin", null, EnumSet.of(Role.ADMIN));
    public static final String NARRATIVE = "Aggravated assault at the residence; suspect is a former partner.";

    private Fixtures() {
    }

    /** Maria (primary victim, full contact rules) and her mother Ana (not safe to contact directly). */
    public static VictimCase victimCase(String agencyId, Instant at) {
        Person maria = new Person(Ids.newId(), PersonRole.PRIMARY_VICTIM, null, "Maria", "Lopez",
                LocalDate.of(1990, 4, 2), "es", new ContactPreferences("maria@example.org", "+12175550123",
                        List.of(Channel.SMS, Channel.EMAIL),
                        new SafeHours(LocalTime.of(9, 0), LocalTime.of(18, 0), ZoneId.of("America/Chicago")), true,
                        true, null));
        Person ana = new Person(Ids.newId(), PersonRole.SECONDARY_VICTIM, "MOTHER", "Ana", "Lopez",
                LocalDate.of(1961, 12, 31), "es", new ContactPreferences(null, "+12175550199", List.of(Channel.VOICE),
                        null, false, false, "Through her daughter's advocate, +12175550150"));
        return new VictimCase(Ids.newId(), agencyId, CaseStatus.OPEN, new Incident("2026-000123", "IL0160000", at,
                List.of("13A"), "400 Main St"), List.of(maria, ana),
                List.of(ServiceCategory.COUNSELING, ServiceCategory.SHELTER_AND_HOUSING), NARRATIVE, "officer", at, at);
    }

    /** Linked to VSP-DEMO: the advocate's agency acts on its referrals. */
    public static Provider safeHarbor(Instant at) {
        return new Provider("prv-safe-harbor", "Safe Harbor Victim Services", "Shelter and counseling", "VSP-DEMO",
                true, List.of(new ProviderService(ServiceCategory.COUNSELING, "Counseling", null),
                        new ProviderService(ServiceCategory.SHELTER_AND_HOUSING, "Emergency shelter", null)),
                List.of("en", "es"), new ServiceArea(false, List.of("Sangamon"), List.of()), null, "24/7",
                new ProviderContact("+12175550100", "intake@example.org", null), List.of(), at, at);
    }

    public static Provider clinic(Instant at, boolean accepting) {
        return new Provider("prv-clinic", "Free Clinic", null, null, accepting,
                List.of(new ProviderService(ServiceCategory.MEDICAL, null, null)), List.of("en"),
                new ServiceArea(true, List.of(), List.of()), null, null, null, List.of(), at, at);
    }
}
