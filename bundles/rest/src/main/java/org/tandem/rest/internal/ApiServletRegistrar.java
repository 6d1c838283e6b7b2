package org.tandem.rest.internal;

import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

import javax.servlet.Servlet;
import javax.servlet.ServletException;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.CallerAuthenticator;
import org.tandem.api.audit.AuditLog;

/**
 * Publishes the API at {@code /tandem/api/v1/*} through the HTTP Whiteboard, with every resource service that
 * carries {@code tandem.rest.resource=true}. The servlet is registered once; bundles that add or remove resources
 * (features installed or uninstalled) make it swap in a new CXF generation without leaving the pattern
 * ({@link ApiEndpointServlet}).
 */
@Component(immediate = true, configurationPid = "org.tandem.rest")
@Designate(ocd = RestConfig.class)
public class ApiServletRegistrar {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServletRegistrar.class);

    private final Map<Long, Object> resources = new ConcurrentSkipListMap<>();

    @Reference
    private CallerAuthenticator authenticator;

    /** Optional so /health answers while the store is down; every other request then fails closed (503). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog auditLog;

    private BundleContext context;
    private RestSettings settings;
    private ServiceRegistration<Servlet> registration;
    private ApiEndpointServlet endpoint;
    private ServiceTracker<Object, Object> tracker;
    private boolean tracking;

    @Activate
    synchronized void activate(BundleContext context, RestConfig config) throws InvalidSyntaxException {
        this.context = context;
        try {
            this.settings = RestSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Invalid configuration org.tandem.rest ({}); starting with the defaults {}", e.getMessage(),
                    RestSettings.DEFAULTS);
            this.settings = RestSettings.DEFAULTS;
        }
        tracker = new ServiceTracker<>(context,
                context.createFilter("(" + RestResources.RESOURCE_PROPERTY + "=true)"), new ResourceTracker());
        tracker.open();
        tracking = true;
        publish();
    }

    /** Live change: an invalid value is rejected with a log message and the configuration in force stays. */
    @Modified
    synchronized void modified(RestConfig config) {
        RestSettings next;
        try {
            next = RestSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Rejected configuration change of org.tandem.rest: {}; keeping {}", e.getMessage(), settings);
            return;
        }
        if (next.equals(settings)) {
            return;
        }
        this.settings = next;
        LOG.info("REST configuration changed: maxBodyBytes={}, maxJsonDepth={}", next.maxBodyBytes(), next.maxJsonDepth());
        publish();
    }

    synchronized RestSettings settings() {
        return settings;
    }

    @Deactivate
    void deactivate() {
        synchronized (this) {
            tracking = false;
            unpublish();
        }
        tracker.close();
    }

    /** Tracks resources by property alone: DS would also match on objectClass, which resources don't share. */
    private final class ResourceTracker implements ServiceTrackerCustomizer<Object, Object> {

        @Override
        public Object addingService(ServiceReference<Object> ref) {
            Object resource = context.getService(ref);
            synchronized (ApiServletRegistrar.this) {
                resources.put((Long) ref.getProperty("service.id"), resource);
                if (tracking) {
                    publish();
                }
            }
            return resource;
        }

        @Override
        public void modifiedService(ServiceReference<Object> ref, Object resource) {
            // properties other than the filter's do not change what is served
        }

        @Override
        public void removedService(ServiceReference<Object> ref, Object resource) {
            synchronized (ApiServletRegistrar.this) {
                resources.remove((Long) ref.getProperty("service.id"));
                if (tracking) {
                    publish();
                }
            }
            context.ungetService(ref);
        }
    }

    private void publish() {
        Set<Object> singletons = new LinkedHashSet<>(resources.values());
        singletons.add(new AuthenticationFilter(authenticator));
        singletons.add(new BodySizeFilter(settings.maxBodyBytes()));
        singletons.add(new AuditFilter(() -> auditLog));
        singletons.add(new JsonNodeProvider(settings.maxBodyBytes(), settings.maxJsonDepth()));
        singletons.add(new ExceptionMappers.ValidationMapper());
        singletons.add(new ExceptionMappers.AccessDeniedMapper());
        singletons.add(new ExceptionMappers.WebApplicationMapper());
        singletons.add(new ExceptionMappers.FallbackMapper());

        if (endpoint == null) {
            endpoint = new ApiEndpointServlet(singletons);
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("osgi.http.whiteboard.servlet.pattern", RestResources.BASE_PATH + "/*");
            props.put("osgi.http.whiteboard.servlet.name", "tandem-api");
            registration = context.registerService(Servlet.class, endpoint, props);
        } else {
            try {
                endpoint.publish(singletons);
            } catch (ServletException | RuntimeException e) {
                // the generation in service stays: better the previous set of resources than none
                LOG.error("Could not publish the Tandem API with {} resource(s); the previous set stays", resources.size(), e);
                return;
            }
        }
        LOG.info("Tandem API published at {} with {} resource(s)", RestResources.BASE_PATH, resources.size());
    }

    private void unpublish() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // bundle stopping: the framework unregistered it
            }
            registration = null;
        }
        endpoint = null;
    }
}
