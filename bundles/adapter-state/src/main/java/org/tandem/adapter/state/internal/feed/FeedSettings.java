package org.tandem.adapter.state.internal.feed;

import java.nio.file.Path;
import java.time.ZoneId;

import org.tandem.adapter.state.internal.StateConfig;

/** The feed part of the configuration, paths resolved against {@code karaf.base}. */
public record FeedSettings(boolean foldersEnabled, Path custodyInbox, Path courtInbox, Path errors, long pollDelayMs,
        long maxReportBytes, ZoneId localZone, int maximumRedeliveries, long redeliveryDelayMs) {

    public static FeedSettings of(StateConfig c, Path base) {
        return new FeedSettings(c.feedFoldersEnabled(), base.resolve(c.custodyInboxDir()).toAbsolutePath().normalize(),
                base.resolve(c.courtInboxDir()).toAbsolutePath().normalize(),
                base.resolve(c.feedErrorDir()).toAbsolutePath().normalize(), c.feedPollDelayMs(), c.maxReportBytes(),
                ZoneId.of(c.localTimeZone()), c.feedMaximumRedeliveries(), c.feedRedeliveryDelayMs());
    }
}
