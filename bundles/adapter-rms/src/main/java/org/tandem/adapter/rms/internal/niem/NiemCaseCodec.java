package org.tandem.adapter.rms.internal.niem;

import java.time.ZoneId;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.tandem.adapter.rms.internal.RmsConfig;
import org.tandem.api.cases.CaseCodec;
import org.tandem.api.cases.NewCase;

/**
 * The NIEM incident report as a {@link CaseCodec} ({@code format=niem}), so any route can use
 * {@code tandem:intake?format=niem}: same parser, schema and mapping as the RMS adapter's own routes.
 */
@Component(service = CaseCodec.class, property = CaseCodec.FORMAT + "=niem", configurationPid = RmsConfig.PID)
public class NiemCaseCodec implements CaseCodec {

    private volatile NiemIncidentReader reader;

    @Activate
    @Modified
    void configure(RmsConfig config) {
        reader = new NiemIncidentReader(ZoneId.of(config.localTimeZone()));
    }

    @Override
    public NewCase read(byte[] document) {
        return reader.read(document).newCase();
    }
}
