package org.tandem.example.agency;

import java.util.List;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.tandem.api.FieldError;
import org.tandem.api.cases.Incident;
import org.tandem.api.spi.IntakeContext;
import org.tandem.api.spi.IntakeValidator;

/**
 * Agency rule: the agency's cases must carry the county code of the incident in {@code incident.location}
 * ({@code county:NNN}, the 3-digit FIPS county code). Applies to the agency in {@code tandem.agency}
 * (PD-DEMO by default; override with {@code tandem.agency} in etc/org.tandem.example.agency.cfg).
 */
@Component(service = IntakeValidator.class, configurationPid = "org.tandem.example.agency", property = {
        "tandem.agency=PD-DEMO",
        "tandem.extension.name=County code required (example agency)",
        "service.ranking:Integer=100" })
public class CountyCodeValidator implements IntakeValidator {

    static final Pattern COUNTY_CODE = Pattern.compile("(^|\\s)county:\\d{3}(\\s|$)");

    @Override
    public List<FieldError> validate(IntakeContext context) {
        Incident incident = context.newCase().incident();
        String location = incident == null ? null : incident.location();
        if (location != null && COUNTY_CODE.matcher(location).find()) {
            return List.of();
        }
        return List.of(new FieldError("incident.location", Messages.get("county.message")));
    }
}
