package org.tandem.camel.internal.routes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.spi.ExtensionStatus;

/**
 * The routes each contributed {@link RoutesBuilder} added to one Camel context, so that they can be
 * removed again when the builder goes away. A builder whose routes fail to start is logged and counted;
 * it never stops the context or the other contributions.
 */
final class RouteContributions {

    static final String KIND = "RoutesBuilder";

    private static final Logger LOG = LoggerFactory.getLogger(RouteContributions.class);

    record Contribution(long serviceId, String name, String bundle, int ranking, List<String> routeIds, String failure) {
    }

    private final CamelContext camel;
    private final Map<Long, Contribution> contributions = new ConcurrentHashMap<>();

    RouteContributions(CamelContext camel) {
        this.camel = camel;
    }

    /** Adds the builder's routes; returns the route ids added (empty when the builder failed). */
    synchronized List<String> add(long serviceId, RoutesBuilder builder, String bundle, int ranking) {
        return add(serviceId, builder, builder.getClass().getName(), bundle, ranking);
    }

    /** As {@link #add(long, RoutesBuilder, String, int)}, shown under {@code name} (the tandem.extension.name). */
    synchronized List<String> add(long serviceId, RoutesBuilder builder, String name, String bundle, int ranking) {
        Set<String> before = routeIds();
        String failure = null;
        try {
            refuseTakenIds(builder, before);
            camel.addRoutes(builder);
        } catch (Exception | LinkageError e) {
            failure = e.toString();
            LOG.error("Routes of {} from bundle {} could not be added to Camel context {}: {}", builder.getClass().getName(),
                    bundle, camel.getName(), e.getMessage(), e);
        }
        Set<String> added = routeIds();
        added.removeAll(before);
        if (failure != null) {
            // a builder that failed half-way must not leave some of its routes behind
            removeRoutes(added);
            added.clear();
        } else {
            LOG.info("Camel context {}: added routes {} of {} (bundle {})", camel.getName(), added,
                    builder.getClass().getName(), bundle);
        }
        contributions.put(serviceId, new Contribution(serviceId, name, bundle, ranking,
                List.copyOf(added), failure));
        return List.copyOf(added);
    }

    /**
     * Camel replaces a route whose id is taken; a contribution must not silently take over another one's
     * route, so explicit ids are checked first (configuring a RouteBuilder twice is a no-op in Camel).
     */
    private void refuseTakenIds(RoutesBuilder builder, Set<String> existing) throws Exception {
        if (builder instanceof RouteBuilder rb) {
            rb.configureRoutes(camel);
            for (RouteDefinition route : rb.getRouteCollection().getRoutes()) {
                String id = route.getRouteId();
                if (id != null && existing.contains(id)) {
                    throw new IllegalStateException("route id " + id + " is already used in Camel context " + camel.getName());
                }
            }
        }
    }

    /** Stops and removes the routes the builder added. */
    synchronized void remove(long serviceId) {
        Contribution c = contributions.remove(serviceId);
        if (c != null) {
            removeRoutes(c.routeIds());
            LOG.info("Camel context {}: removed routes {} of {} (bundle {})", camel.getName(), c.routeIds(), c.name(),
                    c.bundle());
        }
    }

    private void removeRoutes(Iterable<String> ids) {
        for (String id : ids) {
            try {
                camel.getRouteController().stopRoute(id);
                camel.removeRoute(id);
            } catch (Exception e) {
                LOG.warn("Route {} could not be removed from Camel context {}: {}", id, camel.getName(), e.getMessage());
            }
        }
    }

    private Set<String> routeIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (Route r : camel.getRoutes()) {
            ids.add(r.getRouteId());
        }
        return ids;
    }

    List<ExtensionStatus> statuses() {
        List<ExtensionStatus> out = new ArrayList<>();
        contributions.values().stream().sorted((a, b) -> Long.compare(a.serviceId(), b.serviceId()))
                .forEach(c -> out.add(new ExtensionStatus(KIND, c.name() + " " + c.routeIds(), c.serviceId(), c.bundle(),
                        c.ranking(), List.of(), 1, c.failure() == null ? 0 : 1, c.failure())));
        return out;
    }
}
