package org.tandem.camel.internal.routes;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.core.osgi.OsgiCamelContextPublisher;
import org.apache.camel.core.osgi.OsgiDefaultCamelContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.spi.ExtensionMonitor;
import org.tandem.api.spi.ExtensionStatus;
import org.tandem.api.spi.Extensions;

/**
 * Tandem's Camel context {@value Extensions#TANDEM_CAMEL_CONTEXT}: an OSGi-aware context (components and
 * type converters of the installed Camel bundles), published as a {@code CamelContext} service so that
 * {@code camel:context-list} and {@code camel:route-list} show it. Started before any route is added (an
 * {@code OsgiDefaultCamelContext} does not start routes added before it started). Every
 * {@code org.apache.camel.RoutesBuilder} service of any bundle is added while it is registered and its
 * routes are removed when it goes away (bundle stopped, updated or uninstalled), unless the service names
 * another context in {@value Extensions#CAMEL_CONTEXT}.
 *
 * <p>Routes are added on the context's own thread, not in the thread that registers the builder (typically
 * the one starting the contributing bundle): creating and starting routes can take a while, and a hot
 * deployed bundle must be active at once. Removal waits for the routes to stop, so none runs on after its
 * bundle is gone.
 */
@Component(immediate = true, service = ExtensionMonitor.class, configurationPid = TandemCamelContext.PID)
@Designate(ocd = CamelConfig.class)
public class TandemCamelContext implements ExtensionMonitor {

    static final String PID = "org.tandem.camel";
    static final String FILTER = "(&(" + Constants.OBJECTCLASS + "=" + Extensions.ROUTES_BUILDER + ")(|(!("
            + Extensions.CAMEL_CONTEXT + "=*))(" + Extensions.CAMEL_CONTEXT + "=" + Extensions.TANDEM_CAMEL_CONTEXT + ")))";

    private static final Logger LOG = LoggerFactory.getLogger(TandemCamelContext.class);

    private OsgiDefaultCamelContext camel;
    private RouteContributions contributions;
    private ServiceTracker<RoutesBuilder, ServiceReference<RoutesBuilder>> tracker;
    private ExecutorService routeThread;
    private volatile int shutdownTimeoutSeconds;

    @Activate
    void activate(BundleContext context, CamelConfig config) throws InvalidSyntaxException {
        shutdownTimeoutSeconds = valid(config.shutdownTimeoutSeconds()) ? config.shutdownTimeoutSeconds() : 10;
        if (!valid(config.shutdownTimeoutSeconds())) {
            LOG.error("Invalid configuration {}: shutdownTimeoutSeconds={} is outside 1..300; using 10", PID,
                    config.shutdownTimeoutSeconds());
        }
        camel = new OsgiDefaultCamelContext(context);
        camel.setName(Extensions.TANDEM_CAMEL_CONTEXT);
        camel.getManagementStrategy().addEventNotifier(new OsgiCamelContextPublisher(context));
        camel.getShutdownStrategy().setTimeout(shutdownTimeoutSeconds);
        camel.start();
        contributions = new RouteContributions(camel);
        routeThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tandem-camel-routes");
            t.setDaemon(true);
            return t;
        });
        tracker = new ServiceTracker<>(context, context.createFilter(FILTER), null) {
            @Override
            public ServiceReference<RoutesBuilder> addingService(ServiceReference<RoutesBuilder> ref) {
                // getService (which creates the builder, e.g. a DS component) and adding its routes both happen
                // on the route thread: the registering bundle's start is not held up by Camel
                routeThread.execute(() -> add(context, ref));
                return ref;
            }

            @Override
            public void removedService(ServiceReference<RoutesBuilder> ref, ServiceReference<RoutesBuilder> tracked) {
                long id = serviceId(ref);
                Future<?> removal = routeThread.submit(() -> {
                    contributions.remove(id);
                    context.ungetService(ref);
                });
                try {
                    removal.get(shutdownTimeoutSeconds + 5L, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    LOG.warn("Routes of service {} not removed in time: {}", id, e.toString());
                }
            }
        };
        tracker.open();
        LOG.info("Camel context {} started; RoutesBuilder services are added to it", camel.getName());
    }

    private void add(BundleContext context, ServiceReference<RoutesBuilder> ref) {
        RoutesBuilder builder;
        try {
            builder = context.getService(ref);
        } catch (RuntimeException e) {
            LOG.error("RoutesBuilder service {} of bundle {} could not be obtained: {}", serviceId(ref), bundle(ref),
                    e.toString());
            return;
        }
        if (builder == null) {
            return; // unregistered meanwhile, or its component failed (DS logged why)
        }
        Object named = ref.getProperty(Extensions.NAME);
        String name = named instanceof String n && !n.isBlank() ? n : builder.getClass().getName();
        contributions.add(serviceId(ref), builder, name, bundle(ref), ranking(ref));
    }

    /** Live change: an invalid value is rejected with a log message and the value in force stays. */
    @Modified
    void modified(CamelConfig config) {
        int seconds;
        try {
            seconds = config.shutdownTimeoutSeconds();
        } catch (RuntimeException e) {
            LOG.error("Rejected configuration change of {}: {}; keeping shutdownTimeoutSeconds={}", PID, e.getMessage(),
                    shutdownTimeoutSeconds);
            return;
        }
        if (!valid(seconds)) {
            LOG.error("Rejected configuration change of {}: shutdownTimeoutSeconds={} is outside 1..300; keeping {}", PID,
                    seconds, shutdownTimeoutSeconds);
            return;
        }
        shutdownTimeoutSeconds = seconds;
        camel.getShutdownStrategy().setTimeout(seconds);
        LOG.info("Configuration {} changed: shutdownTimeoutSeconds={}", PID, seconds);
    }

    @Deactivate
    void deactivate() {
        if (tracker != null) {
            tracker.close();
        }
        if (routeThread != null) {
            routeThread.shutdown();
        }
        if (camel != null) {
            camel.stop();
        }
    }

    @Override
    public List<ExtensionStatus> extensions() {
        return contributions == null ? List.of() : contributions.statuses();
    }

    private static boolean valid(int seconds) {
        return seconds >= 1 && seconds <= 300;
    }

    private static long serviceId(ServiceReference<?> ref) {
        return (Long) ref.getProperty(Constants.SERVICE_ID);
    }

    private static int ranking(ServiceReference<?> ref) {
        return ref.getProperty(Constants.SERVICE_RANKING) instanceof Integer r ? r : 0;
    }

    private static String bundle(ServiceReference<?> ref) {
        Bundle b = ref.getBundle();
        return b == null ? "?" : b.getSymbolicName() + " " + b.getVersion();
    }
}
