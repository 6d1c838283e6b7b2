package org.tandem.notification.internal.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.tandem.notification.internal.EventPoster;

/** Records posted events. */
public final class RecordingEvents implements EventPoster {

    public record Posted(String topic, Map<String, Object> properties) {
    }

    public final List<Posted> posted = new CopyOnWriteArrayList<>();

    @Override
    public void post(String topic, Map<String, Object> properties) {
        posted.add(new Posted(topic, Map.copyOf(properties)));
    }

    public List<Posted> on(String topic) {
        return posted.stream().filter(p -> p.topic().equals(topic)).toList();
    }
}
