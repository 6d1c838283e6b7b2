package org.tandem.example.agency;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tandem.api.cases.NewCase;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.spi.IntakeContext;
import org.tandem.api.spi.IntakeEnricher;

/**
 * Agency practice: a case opened without any service need gets INFORMATION_AND_REFERRAL, so that every
 * victim is at least offered information and a referral.
 */
@Component(service = IntakeEnricher.class, configurationPid = "org.tandem.example.agency", property = {
        "tandem.agency=PD-DEMO",
        "tandem.extension.name=Default need: information and referral (example agency)" })
public class DefaultNeedEnricher implements IntakeEnricher {

    @Override
    public NewCase enrich(IntakeContext context) {
        NewCase c = context.newCase();
        if (!c.needs().isEmpty()) {
            return c;
        }
        return new NewCase(c.incident(), c.persons(), List.of(ServiceCategory.INFORMATION_AND_REFERRAL), c.narrative());
    }
}
