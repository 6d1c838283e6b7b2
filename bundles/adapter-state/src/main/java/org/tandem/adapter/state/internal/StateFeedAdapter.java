package org.tandem.adapter.state.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.core.osgi.OsgiCamelContextPublisher;
import org.apache.camel.core.osgi.OsgiDefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.adapter.state.internal.feed.FeedSettings;
import org.tandem.adapter.state.internal.feed.LedgerIdempotentRepository;
import org.tandem.adapter.state.internal.feed.StateEvents;
import org.tandem.adapter.state.internal.feed.StateFeedRoutes;
import org.tandem.adapter.state.internal.feed.StateReport;
import org.tandem.api.Ids;
import org.tandem.api.integration.DeadLetter;
import org.tandem.api.integration.DeadLetterRepository;
import org.tandem.api.integration.ProcessedMessageRepository;
import org.tandem.api.registration.RegistrationRepository;

/**
 * Runs the custody and court feed routes in the Camel context {@value #CONTEXT_NAME}. Events are posted (after
 * the report id is recorded) to EventAdmin; the notification engine listens to them.
 */
@Component(service = StateIngest.class, immediate = true, configurationPid = StateConfig.PID)
@Designate(ocd = StateConfig.class)
public class StateFeedAdapter implements StateIngest {

    public static final String CONTEXT_NAME = "tandem-state";

    private static final Logger LOG = LoggerFactory.getLogger(StateFeedAdapter.class);

    @Reference
    private ProcessedMessageRepository ledger;

    @Reference
    private DeadLetterRepository deadLetterRepository;

    @Reference
    private RegistrationRepository registrations;

    @Reference
    private EventAdmin eventAdmin;

    private BundleContext bundleContext;
    private volatile CamelContext camel;
    private volatile ProducerTemplate template;
    private volatile FeedSettings settings;

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
        settings = FeedSettings.of(config, Path.of(System.getProperty("karaf.base", ".")));
        String owner = "state-" + Ids.newId();
        Map<StateReport.Kind, IdempotentRepository> ledgers = new EnumMap<>(StateReport.Kind.class);
        for (StateReport.Kind kind : StateReport.Kind.values()) {
            ledgers.put(kind, new LedgerIdempotentRepository(ledger, kind.ledger(), owner));
        }
        OsgiDefaultCamelContext context = new OsgiDefaultCamelContext(bundleContext);
        context.setName(CONTEXT_NAME);
        context.getManagementStrategy().addEventNotifier(new OsgiCamelContextPublisher(bundleContext));
        context.start();
        try {
            StateFeedRoutes routes = new StateFeedRoutes(settings, ledgers,
                    new StateEvents(registrations, (topic, props) -> eventAdmin.postEvent(new Event(topic, props))),
                    (source, reference, reason) -> deadLetterRepository.insert(new DeadLetter(Ids.newId(), source,
                            reference, reason, Clock.systemUTC().instant(), null)),
                    Clock.systemUTC());
            if (settings.leaderLockDir() != null) {
                routes.withLeaderElection(leaderElection(context, settings.leaderLockDir()));
            }
            context.addRoutes(routes);
        } catch (Exception e) {
            context.stop();
            throw e;
        }
        camel = context;
        template = context.createProducerTemplate();
        LOG.info("State feeds started: custody inbox {}, court inbox {}", settings.custodyInbox(), settings.courtInbox());
    }

    /**
     * Camel's file lock cluster service on the shared folder: the node holding the lock on
     * {@value StateFeedRoutes#LEADER_NAMESPACE} reads the feed folders; the lock goes with the process (kill -9
     * included) and another node takes it within about two seconds.
     */
    private static org.apache.camel.cluster.CamelClusterService leaderElection(CamelContext context, Path lockDir)
            throws Exception {
        java.nio.file.Files.createDirectories(lockDir);
        org.apache.camel.component.file.cluster.FileLockClusterService service =
                new org.apache.camel.component.file.cluster.FileLockClusterService();
        service.setId("tandem-state-feeds-" + ProcessHandle.current().pid() + "-" + Ids.newId());
        service.setRoot(lockDir.toString());
        service.setAcquireLockDelay(1, java.util.concurrent.TimeUnit.SECONDS);
        service.setAcquireLockInterval(1, java.util.concurrent.TimeUnit.SECONDS);
        context.addService(service, true, true);
        LOG.info("State feed folders are read by one node at a time: leader lock in {}", lockDir);
        return service;
    }

    private synchronized void stop() {
        if (template != null) {
            template.stop();
            template = null;
        }
        if (camel != null) {
            camel.stop();
            camel = null;
        }
    }

    @Override
    public long maxReportBytes() {
        FeedSettings s = settings;
        return s == null ? 262_144L : s.maxReportBytes();
    }

    @Override
    public Result ingest(StateReport.Kind kind, byte[] report) {
        ProducerTemplate t = template;
        if (t == null) {
            throw new IllegalStateException("the state feeds are not running");
        }
        Exchange out = t.send(StateFeedRoutes.httpEndpoint(kind), e -> e.getIn().setBody(report));
        Exception failure = out.getException();
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure != null) {
            throw new IllegalStateException(failure.getMessage(), failure);
        }
        String reportId = out.getMessage().getHeader(StateFeedRoutes.REPORT_ID_HEADER, String.class);
        if (Boolean.TRUE.equals(out.getProperty(Exchange.DUPLICATE_MESSAGE, Boolean.class))) {
            return new Result(reportId, -1);
        }
        return new Result(reportId, out.getMessage().getHeader(StateFeedRoutes.EVENTS_HEADER, 0, Integer.class));
    }
}
