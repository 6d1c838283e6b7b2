package org.tandem.adapter.state.internal.feed;

import java.nio.file.Path;
import java.time.ZoneId;

import org.tandem.adapter.state.internal.StateConfig;

/**
 * The feed part of the configuration, paths resolved against {@code karaf.base}; {@code leaderLockDir} is null when
 * this node reads the feed folders without asking any other node.
 */
public record FeedSettings(boolean foldersEnabled, Path custodyInbox, Path courtInbox, Path errors, long pollDelayMs,
        long maxReportBytes, ZoneId localZone, int maximumRedeliveries, long redeliveryDelayMs, Path leaderLockDir) {

    public FeedSettings(boolean foldersEnabled, Path custodyInbox, Path courtInbox, Path errors, long pollDelayMs,
            long maxReportBytes, ZoneId localZone, int maximumRedeliveries, long redeliveryDelayMs) {
        this(foldersEnabled, custodyInbox, courtInbox, errors, pollDelayMs, maxReportBytes, localZone, maximumRedeliveries,
                redeliveryDelayMs, null);
    }

    public static FeedSettings of(StateConfig c, Path base) {
        return new FeedSettings(c.feedFoldersEnabled(), base.resolve(c.custodyInboxDir()).toAbsolutePath().normalize(),
                base.resolve(c.courtInboxDir()).toAbsolutePath().normalize(),
                base.resolve(c.feedErrorDir()).toAbsolutePath().normalize(), c.feedPollDelayMs(), c.maxReportBytes(),
                ZoneId.of(c.localTimeZone()), c.feedMaximumRedeliveries(), c.feedRedeliveryDelayMs(),
                c.feedLeaderLockDir() == null || c.feedLeaderLockDir().isBlank() ? null
                        : base.resolve(c.feedLeaderLockDir().strip()).toAbsolutePath().normalize());
    }
}
