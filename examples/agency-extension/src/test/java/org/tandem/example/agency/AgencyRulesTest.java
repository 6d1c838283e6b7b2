package org.tandem.example.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tandem.api.Caller;
import org.tandem.api.FieldError;
import org.tandem.api.Role;
import org.tandem.api.cases.Incident;
import org.tandem.api.cases.NewCase;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.spi.IntakeContext;

class AgencyRulesTest {

    private static final Caller OFFICER = new Caller("officer", "PD-DEMO", EnumSet.of(Role.OFFICER));

    @Test
    void countyCodeIsRequiredInTheLocation() {
        CountyCodeValidator validator = new CountyCodeValidator();

        assertThat(validator.validate(context(newCase("400 Main St", List.of())))).singleElement()
                .extracting(FieldError::field, FieldError::message).containsExactly("incident.location",
                        "Springfield PD requires the county code in incident.location, e.g. \"county:167 400 Main St\"");
        assertThat(validator.validate(context(newCase(null, List.of())))).hasSize(1);
        assertThat(validator.validate(context(newCase("county:16 Main St", List.of())))).hasSize(1);
        assertThat(validator.validate(context(newCase("county:167 400 Main St", List.of())))).isEmpty();
        assertThat(validator.validate(context(newCase("400 Main St county:031", List.of())))).isEmpty();
    }

    @Test
    void aCaseWithoutNeedsGetsInformationAndReferral() {
        DefaultNeedEnricher enricher = new DefaultNeedEnricher();

        assertThat(enricher.enrich(context(newCase("x", List.of()))).needs())
                .containsExactly(ServiceCategory.INFORMATION_AND_REFERRAL);
        NewCase withNeeds = newCase("x", List.of(ServiceCategory.SHELTER));
        assertThat(enricher.enrich(context(withNeeds))).isSameAs(withNeeds);
    }

    private static NewCase newCase(String location, List<ServiceCategory> needs) {
        return new NewCase(new Incident("2026-1", "IL0160000", Instant.parse("2026-11-20T22:15:00Z"), List.of("13A"),
                location), List.of(), needs, null);
    }

    private static IntakeContext context(NewCase c) {
        return new IntakeContext() {
            @Override
            public Caller caller() {
                return OFFICER;
            }

            @Override
            public NewCase newCase() {
                return c;
            }

            @Override
            public Instant receivedAt() {
                return Instant.parse("2026-11-25T12:00:00Z");
            }
        };
    }
}
