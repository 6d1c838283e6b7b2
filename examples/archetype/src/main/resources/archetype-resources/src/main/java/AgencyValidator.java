package ${package};

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tandem.api.FieldError;
import org.tandem.api.spi.IntakeContext;
import org.tandem.api.spi.IntakeValidator;

/**
 * The rules of agency ${agencyId} for new cases. Runs after Tandem's own validation; every error returned
 * reaches the client as a 422 problem with this message. Report rule violations by returning errors: an
 * exception is logged, counted and ignored by the platform.
 */
@Component(service = IntakeValidator.class, property = {
        "tandem.agency=${agencyId}",
        "tandem.extension.name=${artifactId}: agency rules" })
public class AgencyValidator implements IntakeValidator {

    @Override
    public List<FieldError> validate(IntakeContext context) {
        if (context.newCase().incident() == null || context.newCase().incident().location() == null) {
            return List.of(new FieldError("incident.location", "${agencyId} requires the incident location"));
        }
        return List.of();
    }
}
