package org.tandem.intake.internal.extension;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.Constants;
import org.tandem.api.spi.ExtensionStatus;
import org.tandem.api.spi.Extensions;

/**
 * One extension service with what the whiteboard needs to order, select and report it: service id,
 * ranking, agency filter, owning bundle, and counters of calls and failures.
 */
final class Registered<T> implements Comparable<Registered<?>> {

    final T service;
    final long serviceId;
    final int ranking;
    final List<String> agencies;
    final String name;
    final String bundle;
    final AtomicLong invocations = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    final AtomicReference<String> lastFailure = new AtomicReference<>();

    Registered(T service, Map<String, ?> properties, String bundle) {
        this.service = service;
        this.serviceId = properties.get(Constants.SERVICE_ID) instanceof Number n ? n.longValue() : -1L;
        this.ranking = properties.get(Constants.SERVICE_RANKING) instanceof Integer r ? r : 0;
        this.agencies = strings(properties.get(Extensions.AGENCY));
        Object named = properties.get(Extensions.NAME);
        this.name = named instanceof String s && !s.isBlank() ? s : service.getClass().getName();
        this.bundle = bundle;
    }

    boolean appliesTo(String agencyId) {
        return agencies.isEmpty() || agencies.contains(agencyId);
    }

    void failed(String why) {
        failures.incrementAndGet();
        lastFailure.set(why);
    }

    ExtensionStatus status(String kind) {
        return new ExtensionStatus(kind, name, serviceId, bundle, ranking, agencies, invocations.get(), failures.get(),
                lastFailure.get());
    }

    @Override
    public String toString() {
        return name + " (service " + serviceId + ", bundle " + bundle + ")";
    }

    /** Highest ranking first, then oldest service first: the OSGi service order. */
    @Override
    public int compareTo(Registered<?> o) {
        int byRanking = Integer.compare(o.ranking, ranking);
        return byRanking != 0 ? byRanking : Long.compare(serviceId, o.serviceId);
    }

    static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s) {
            add(out, s);
        } else if (value instanceof Collection<?> c) {
            c.forEach(v -> add(out, String.valueOf(v)));
        } else if (value != null && value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                add(out, String.valueOf(Array.get(value, i)));
            }
        }
        return List.copyOf(out);
    }

    private static void add(List<String> out, String value) {
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
    }
}
