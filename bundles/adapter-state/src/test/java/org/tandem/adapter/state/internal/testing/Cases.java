package org.tandem.adapter.state.internal.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.tandem.api.Ids;
import org.tandem.api.cases.CaseStatus;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.ContactPreferences;
import org.tandem.api.cases.Incident;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.VictimCase;

/** A stored-case fixture: a victim, her mother and a witness. */
public final class Cases {

    private Cases() {
    }

    public static VictimCase sample(String agency) {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");
        return new VictimCase(Ids.newId(), agency, CaseStatus.OPEN,
                new Incident("2026-000200", "IL0160000", Instant.parse("2026-11-20T22:15:00Z"), List.of("13A", "90J"),
                        "400 Main St"),
                List.of(new Person(Ids.newId(), PersonRole.PRIMARY_VICTIM, null, "Maria", "Lopez",
                                LocalDate.of(1990, 4, 2), "es", new ContactPreferences("maria@example.org",
                                        "+12175550123", List.of(Channel.SMS), null, true, true, null)),
                        new Person(Ids.newId(), PersonRole.SECONDARY_VICTIM, "MOTHER", "Ana", "Lopez", null, "es",
                                ContactPreferences.none()),
                        new Person(Ids.newId(), PersonRole.WITNESS, null, "Robert", "King", null, "en",
                                ContactPreferences.none())),
                List.of(), null, "officer", now, now);
    }
}
