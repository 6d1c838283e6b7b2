package org.tandem.notification.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.cases.Channel;
import org.tandem.api.notification.NotificationChannel;

/**
 * The channel whiteboard: services registered with {@code channel=<EMAIL|SMS|VOICE|LETTER>}; the highest
 * {@code service.ranking} (then the lowest service id) wins. Remembers which channels it has ever seen, so the
 * dispatcher can tell a channel that is restarting from one that is not installed.
 */
public final class ChannelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelRegistry.class);

    private record Entry(NotificationChannel channel, int ranking, long serviceId) {
    }

    private final Map<Channel, List<Entry>> channels = new java.util.EnumMap<>(Channel.class);
    private final Set<Channel> seen = EnumSet.noneOf(Channel.class);
    private final Instant since;

    public ChannelRegistry(Instant since) {
        this.since = since;
    }

    public Instant since() {
        return since;
    }

    public synchronized void add(NotificationChannel channel, Map<String, ?> properties) {
        Optional<Channel> name = name(properties);
        if (name.isEmpty()) {
            LOG.warn("Notification channel service {} ignored: its 'channel' property must be one of {}", channel,
                    List.of(Channel.values()));
            return;
        }
        List<Entry> list = channels.computeIfAbsent(name.get(), k -> new ArrayList<>());
        list.add(new Entry(channel, ranking(properties), serviceId(properties)));
        list.sort(Comparator.comparingInt(Entry::ranking).reversed().thenComparingLong(Entry::serviceId));
        seen.add(name.get());
        LOG.info("Notification channel {} available ({})", name.get(), channel.getClass().getName());
    }

    public synchronized void remove(NotificationChannel channel, Map<String, ?> properties) {
        name(properties).ifPresent(n -> {
            List<Entry> list = channels.get(n);
            if (list != null) {
                list.removeIf(e -> e.channel() == channel);
            }
        });
    }

    public synchronized Optional<NotificationChannel> get(Channel channel) {
        List<Entry> list = channels.get(channel);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0).channel());
    }

    /** True once a service for the channel was registered while this registry existed. */
    public synchronized boolean everSeen(Channel channel) {
        return seen.contains(channel);
    }

    private static Optional<Channel> name(Map<String, ?> properties) {
        Object value = properties.get(NotificationChannel.CHANNEL_PROPERTY);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Channel.valueOf(value.toString().strip().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int ranking(Map<String, ?> properties) {
        return properties.get("service.ranking") instanceof Integer i ? i : 0;
    }

    private static long serviceId(Map<String, ?> properties) {
        return properties.get("service.id") instanceof Long l ? l : Long.MAX_VALUE;
    }
}
