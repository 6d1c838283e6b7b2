package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tandem.api.Caller;
import org.tandem.api.Role;
import org.tandem.api.cases.Incident;
import org.tandem.api.cases.NewCase;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.spi.IntakeContext;

class AgencyRulesTest {

    @Test
    void locationIsRequired() {
        AgencyValidator validator = new AgencyValidator();
        assertEquals("incident.location", validator.validate(context(newCase(null))).get(0).field());
        assertTrue(validator.validate(context(newCase("400 Main St"))).isEmpty());
    }

    @Test
    void defaultNeedIsAdded() {
        assertEquals(List.of(ServiceCategory.INFORMATION_AND_REFERRAL),
                new AgencyEnricher().enrich(context(newCase("x"))).needs());
    }

    private static NewCase newCase(String location) {
        return new NewCase(new Incident("2026-1", "IL0160000", Instant.parse("2026-11-20T22:15:00Z"), List.of("13A"),
                location), List.of(), List.of(), null);
    }

    private static IntakeContext context(NewCase c) {
        return new IntakeContext() {
            @Override
            public Caller caller() {
                return new Caller("officer", "${agencyId}", EnumSet.of(Role.OFFICER));
            }

            @Override
            public NewCase newCase() {
                return c;
            }

            @Override
            public Instant receivedAt() {
                return Instant.now();
            }
        };
    }
}
