package org.tandem.adapter.state.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Clock;

import org.apache.camel.CamelContext;
import org.apache.camel.core.osgi.OsgiCamelContextPublisher;
import org.apache.camel.core.osgi.OsgiDefaultCamelContext;
import org.apache.camel.spi.ComponentResolver;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.adapter.state.internal.claims.ClaimRoutes;
import org.tandem.adapter.state.internal.claims.ClaimSettings;
import org.tandem.api.Ids;
import org.tandem.api.cases.CaseRepository;
import org.tandem.api.claims.ClaimRepository;
import org.tandem.api.consent.DisclosureGate;
import org.tandem.api.integration.DeadLetter;
import org.tandem.api.integration.DeadLetterRepository;

/**
 * Runs the compensation-claim sender in the Camel context {@value #CONTEXT_NAME}. Needs the DisclosureGate
 * (consent is checked again before every send) and camel-cxf (feature tandem-camel-cxf). The WSDL is copied out of
 * the bundle into its data area, where CXF reads it as a file.
 */
@Component(immediate = true, configurationPid = StateConfig.PID)
public class ClaimsAdapter {

    public static final String CONTEXT_NAME = "tandem-claims";

    private static final Logger LOG = LoggerFactory.getLogger(ClaimsAdapter.class);

    @Reference
    private ClaimRepository claims;

    @Reference
    private CaseRepository cases;

    @Reference
    private DisclosureGate consents;

    @Reference
    private DeadLetterRepository deadLetterRepository;

    @Reference(target = "(component=cxf)")
    private ComponentResolver cxf;

    @Reference(target = "(component=cxfrs)")
    private ComponentResolver cxfrs;

    private BundleContext bundleContext;
    private CamelContext camel;

    @Activate
    void activate(BundleContext bundleContext, StateConfig config) throws Exception {
        this.bundleContext = bundleContext;
        start(config);
    }

    @Modified
    void modified(StateConfig config) throws Exception {
        stop();
        start(config);
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    private synchronized void start(StateConfig config) throws Exception {
        ClaimSettings settings = ClaimSettings.of(config, wsdl().toURI().toString());
        OsgiDefaultCamelContext context = new OsgiDefaultCamelContext(bundleContext);
        context.setName(CONTEXT_NAME);
        context.getManagementStrategy().addEventNotifier(new OsgiCamelContextPublisher(bundleContext));
        context.start();
        try {
            context.addRoutes(new ClaimRoutes(settings, claims, cases, consents,
                    (source, reference, reason) -> deadLetterRepository.insert(new DeadLetter(Ids.newId(), source,
                            reference, reason, Clock.systemUTC().instant(), null)),
                    Clock.systemUTC()));
        } catch (Exception e) {
            context.stop();
            throw e;
        }
        camel = context;
        LOG.info("Compensation claims: {}", settings.endpoint() == null ? "queued only (no claimsEndpoint)"
                : settings.protocol() + " to " + settings.endpoint());
    }

    private synchronized void stop() {
        if (camel != null) {
            camel.stop();
            camel = null;
        }
    }

    private File wsdl() throws IOException {
        File target = bundleContext.getDataFile("compensation.wsdl");
        try (InputStream in = ClaimsAdapter.class.getClassLoader().getResourceAsStream("wsdl/compensation.wsdl")) {
            if (in == null) {
                throw new IOException("wsdl/compensation.wsdl missing from the bundle");
            }
            Files.copy(in, target.toPath(), StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
