package org.tandem.camel.component.internal;

import java.util.Map;
import java.util.Objects;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code tandem:intake}, {@code tandem:events} and {@code tandem:notify}. One instance per Camel context (a
 * Camel component belongs to one context); all instances share the {@link TandemPlatform}.
 */
public class TandemComponent extends DefaultComponent {

    public static final String SCHEME = "tandem";

    private final TandemPlatform platform;

    public TandemComponent(TandemPlatform platform) {
        this.platform = Objects.requireNonNull(platform, "platform");
    }

    TandemPlatform platform() {
        return platform;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        Endpoint endpoint = switch (remaining) {
            case "intake" -> new IntakeEndpoint(uri, this);
            case "events" -> new EventsEndpoint(uri, this);
            case "notify" -> new NotifyEndpoint(uri, this);
            default -> throw new IllegalArgumentException("unknown tandem endpoint '" + remaining
                    + "': use tandem:intake, tandem:events or tandem:notify");
        };
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
