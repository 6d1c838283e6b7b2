package ${package};

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tandem.api.cases.NewCase;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.spi.IntakeContext;
import org.tandem.api.spi.IntakeEnricher;

/** Fills fields of the agency's new cases before validation: here, a default service need. */
@Component(service = IntakeEnricher.class, property = {
        "tandem.agency=${agencyId}",
        "tandem.extension.name=${artifactId}: default need" })
public class AgencyEnricher implements IntakeEnricher {

    @Override
    public NewCase enrich(IntakeContext context) {
        NewCase c = context.newCase();
        if (!c.needs().isEmpty()) {
            return c;
        }
        return new NewCase(c.incident(), c.persons(), List.of(ServiceCategory.INFORMATION_AND_REFERRAL), c.narrative());
    }
}
