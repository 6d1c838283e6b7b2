package org.tandem.intake.internal.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Records posted events and, for each, whether the case was already stored when it was posted. */
public final class RecordingEventAdmin implements EventAdmin {

    public final List<Event> posted = new ArrayList<>();
    public final List<Boolean> storedWhenPosted = new ArrayList<>();
    private final Predicate<Event> stored;
    public RuntimeException failWith;

    public RecordingEventAdmin(Predicate<Event> stored) {
        this.stored = stored;
    }

    @Override
    public synchronized void postEvent(Event event) {
        if (failWith != null) {
            throw failWith;
        }
        posted.add(event);
        storedWhenPosted.add(stored.test(event));
    }

    @Override
    public void sendEvent(Event event) {
        throw new AssertionError("intake must post (asynchronously), not send: " + event);
    }
}
