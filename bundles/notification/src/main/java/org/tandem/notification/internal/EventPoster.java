package org.tandem.notification.internal;

import java.util.Map;

/** Posts an OSGi event (EventAdmin in the container, a recorder in tests). */
@FunctionalInterface
public interface EventPoster {

    void post(String topic, Map<String, Object> properties);

    EventPoster NONE = (t, p) -> { };
}
