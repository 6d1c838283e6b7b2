package org.tandem.security.internal.testing;

import java.time.Instant;
import java.time.LocalDate;
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
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.referral.Provider;
import org.tandem.api.referral.ProviderService;
import org.tandem.api.referral.ServiceArea;

public final class Fixtures {

    public static final Caller OFFICER = new Caller("officer", "PD-DEMO", EnumSet.of(Role.OFFICER));
    public static final Caller SUPERVISOR = new Caller("supervisor", "PD-DEMO", EnumSet.of(Role.SUPERVISOR));
    public static final Caller OTHER_AGENCY = new Caller("officer2", "SO-DEMO", EnumSet.of(Role.OFFICER));
    public static final Caller ADMIN = new Caller("admin", null, EnumSet.of(Role.ADMIN));

    private Fixtures() {
    }

    public static VictimCase victimCase(String agencyId, Instant at) {
        Person maria = new Person(Ids.newId(), PersonRole.PRIMARY_VICTIM, null, "Maria", "Lopez",
                LocalDate.of(1990, 4, 2), "es", new ContactPreferences("maria@example.org", "+12175550123",
                        List.of(Channel.SMS), null, true, true, null));
        Person ana = new Person(Ids.newId(), PersonRole.SECONDARY_VICTIM, "MOTHER", "Ana", "Lopez", null, "es",
                ContactPreferences.none());
        return new VictimCase(Ids.newId(), agencyId, CaseStatus.OPEN, new Incident("2026-000123", "IL0160000", at,
                List.of("13A"), null), List.of(maria, ana), List.of(ServiceCategory.COUNSELING), "Narrative.",
                "officer", at, at);
    }

    public static Provider provider(String id, Instant at) {
        return new Provider(id, "Safe Harbor", null, "VSP-DEMO", true,
                List.of(new ProviderService(ServiceCategory.COUNSELING, null, null)), List.of("en", "es"),
                new ServiceArea(false, List.of("Sangamon"), List.of()), null, null, null, List.of(), at, at);
    }
}
