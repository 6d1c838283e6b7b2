package org.tandem.camel.component.internal.osgi;

import java.util.Collection;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentResolver;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.tandem.api.Caller;
import org.tandem.api.Role;
import org.tandem.api.cases.CaseCodec;
import org.tandem.api.cases.IntakeService;
import org.tandem.api.notification.NotificationService;
import org.tandem.camel.component.internal.TandemComponent;
import org.tandem.camel.component.internal.TandemPlatform;

/**
 * Publishes the {@code tandem} component to every Camel context in the container: camel-core-osgi's
 * {@code OsgiComponentResolver} asks {@link ComponentResolver} services registered with {@code component=tandem}
 * for unknown schemes, and each context gets its own {@link TandemComponent} (a component belongs to one
 * context). The services the endpoints use are dynamic references looked up per exchange.
 */
@org.osgi.service.component.annotations.Component(service = ComponentResolver.class,
        property = "component=" + TandemComponent.SCHEME, configurationPid = "org.tandem.camel.component")
@Designate(ocd = TandemComponentConfig.class)
public class OsgiTandemPlatform implements ComponentResolver, TandemPlatform {

    private final Map<String, CaseCodec> codecs = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile IntakeService intakeService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile NotificationService notificationService;

    private volatile BundleContext context;
    private volatile TandemComponentConfig config;

    @Activate
    void activate(BundleContext context, TandemComponentConfig config) {
        this.context = context;
        this.config = config;
    }

    @Modified
    void modified(TandemComponentConfig config) {
        this.config = config;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addCodec(CaseCodec codec, Map<String, Object> properties) {
        Object format = properties.get(CaseCodec.FORMAT);
        if (format != null) {
            codecs.put(format.toString(), codec);
        }
    }

    void removeCodec(CaseCodec codec, Map<String, Object> properties) {
        Object format = properties.get(CaseCodec.FORMAT);
        if (format != null) {
            codecs.remove(format.toString(), codec);
        }
    }

    @Override
    public Component resolveComponent(String name, CamelContext camelContext) {
        return TandemComponent.SCHEME.equals(name) ? new TandemComponent(this) : null;
    }

    @Override
    public IntakeService intake() {
        IntakeService service = intakeService;
        if (service == null) {
            throw new IllegalStateException("Tandem IntakeService is not available (is feature tandem-intake installed"
                    + " and the store ready?)");
        }
        return service;
    }

    @Override
    public NotificationService notifications() {
        NotificationService service = notificationService;
        if (service == null) {
            throw new IllegalStateException("Tandem NotificationService is not available (is feature"
                    + " tandem-notification installed?)");
        }
        return service;
    }

    @Override
    public CaseCodec codec(String format) {
        CaseCodec codec = codecs.get(format);
        if (codec == null) {
            throw new IllegalArgumentException("no case codec for format '" + format + "'; available: "
                    + new TreeSet<>(codecs.keySet()) + " (niem comes with feature tandem-adapter-rms)");
        }
        return codec;
    }

    @Override
    public AutoCloseable subscribe(Collection<String> topics, BiConsumer<String, Map<String, Object>> handler) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, topics.toArray(new String[0]));
        EventHandler eventHandler = event -> handler.accept(event.getTopic(), properties(event));
        ServiceRegistration<EventHandler> registration = context.registerService(EventHandler.class, eventHandler, props);
        return () -> {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
        };
    }

    private static Map<String, Object> properties(Event event) {
        Map<String, Object> out = new HashMap<>();
        for (String name : event.getPropertyNames()) {
            if (!EventConstants.EVENT_TOPIC.equals(name)) {
                out.put(name, event.getProperty(name));
            }
        }
        return out;
    }

    @Override
    public Caller defaultCaller() {
        TandemComponentConfig c = config;
        if (c == null || c.agencyId() == null || c.agencyId().isBlank()) {
            return null;
        }
        return new Caller(c.user(), c.agencyId().strip(), EnumSet.of(Role.INTEGRATOR));
    }

    @Override
    public long maxDocumentBytes() {
        TandemComponentConfig c = config;
        return c == null ? 1_048_576L : c.maxDocumentBytes();
    }
}
