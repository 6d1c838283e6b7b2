package org.tandem.adapter.rms.internal;

import java.nio.file.Path;
import java.time.Clock;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.core.osgi.OsgiCamelContextPublisher;
import org.apache.camel.core.osgi.OsgiDefaultCamelContext;
import org.apache.camel.spi.ComponentResolver;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.adapter.rms.internal.route.LedgerIdempotentRepository;
import org.tandem.adapter.rms.internal.route.RmsRoutes;
import org.tandem.adapter.rms.internal.route.RmsSettings;
import org.tandem.api.Caller;
import org.tandem.api.Ids;
import org.tandem.api.cases.IntakeService;
import org.tandem.api.integration.DeadLetter;
import org.tandem.api.integration.DeadLetterRepository;
import org.tandem.api.integration.ProcessedMessageRepository;

/**
 * Runs the RMS routes in the Camel context {@value #CONTEXT_NAME} (visible in {@code camel:context-list} and
 * {@code camel:route-list}; {@code camel:route-stop rms-folder-intake tandem-rms} pauses the folder, files wait in the
 * inbox). Starts once the tandem component, intake and the store are there; a configuration change restarts it.
 */
@Component(service = RmsIngest.class, immediate = true, configurationPid = RmsConfig.PID)
@Designate(ocd = RmsConfig.class)
public class RmsAdapter implements RmsIngest {

    public static final String CONTEXT_NAME = "tandem-rms";

    private static final Logger LOG = LoggerFactory.getLogger(RmsAdapter.class);

    @Reference(target = "(component=tandem)")
    private ComponentResolver tandemComponent;

    /** Not called here: routes need it through tandem:intake, so the adapter waits for it. */
    @Reference
    private IntakeService intake;

    @Reference
    private ProcessedMessageRepository ledger;

    @Reference
    private DeadLetterRepository deadLetterRepository;

    private BundleContext bundleContext;
    private volatile CamelContext camel;
    private volatile ProducerTemplate template;
    private volatile RmsSettings settings;

    @Activate
    void activate(BundleContext bundleContext, RmsConfig config) throws Exception {
        this.bundleContext = bundleContext;
        start(config);
    }

    @Modified
    void modified(RmsConfig config) throws Exception {
        stop();
        start(config);
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    private synchronized void start(RmsConfig config) throws Exception {
        settings = RmsSettings.of(config, Path.of(System.getProperty("karaf.base", ".")));
        OsgiDefaultCamelContext context = new OsgiDefaultCamelContext(bundleContext);
        context.setName(CONTEXT_NAME);
        context.getManagementStrategy().addEventNotifier(new OsgiCamelContextPublisher(bundleContext));
        // start before adding routes: routes added to a started context start at once (docs/stack.md)
        context.start();
        try {
            context.addRoutes(new RmsRoutes(settings,
                    new LedgerIdempotentRepository(ledger, RmsRoutes.LEDGER, "rms-" + Ids.newId()),
                    (source, reference, reason) -> deadLetterRepository.insert(new DeadLetter(Ids.newId(), source,
                            reference, reason, Clock.systemUTC().instant(), null)),
                    Clock.systemUTC()));
        } catch (Exception e) {
            context.stop();
            throw e;
        }
        camel = context;
        template = context.createProducerTemplate();
        LOG.info("RMS adapter started: inbox {} ({}), errors {}", settings.inbox(),
                settings.folderRunnable() ? "watched for agency " + settings.agencyId() : "not watched", settings.errors());
    }

    private synchronized void stop() {
        CamelContext context = camel;
        camel = null;
        if (template != null) {
            template.stop();
            template = null;
        }
        if (context != null) {
            context.stop();
        }
    }

    @Override
    public long maxDocumentBytes() {
        RmsSettings s = settings;
        return s == null ? 1_048_576L : s.maxDocumentBytes();
    }

    @Override
    public Result ingest(Caller caller, byte[] document) {
        ProducerTemplate t = template;
        if (t == null) {
            throw new IllegalStateException("the RMS adapter is not running");
        }
        Exchange out = t.send(RmsRoutes.HTTP_ENDPOINT, exchange -> {
            exchange.setProperty(RmsRoutes.CALLER_PROPERTY, caller);
            exchange.getIn().setBody(document);
        });
        Exception failure = out.getException();
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure != null) {
            throw new IllegalStateException(failure.getMessage(), failure);
        }
        if (Boolean.TRUE.equals(out.getProperty(Exchange.DUPLICATE_MESSAGE, Boolean.class))) {
            return new Result(null, false, 0, true);
        }
        return new Result(out.getMessage().getHeader("TandemCaseId", String.class),
                Boolean.TRUE.equals(out.getMessage().getHeader("TandemCaseCreated", Boolean.class)),
                out.getMessage().getHeader("TandemPersonsAdded", 0, Integer.class), false);
    }
}
