package org.tandem.adapter.rms.internal.route;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.tandem.adapter.rms.internal.RmsConfig;

/** The adapter's configuration with paths resolved (relative ones against {@code karaf.base}). */
public record RmsSettings(String agencyId, Set<String> allowedOris, boolean folderEnabled, Path inbox, Path errors,
        Path archive, long pollDelayMs, long maxDocumentBytes, ZoneId localZone, int maximumRedeliveries,
        long redeliveryDelayMs) {

    public static RmsSettings of(RmsConfig c, Path base) {
        return new RmsSettings(blankToNull(c.agencyId()), csv(c.allowedOris()), c.folderEnabled(),
                resolve(base, c.inboxDir()), resolve(base, c.errorDir()),
                blankToNull(c.archiveDir()) == null ? null : resolve(base, c.archiveDir()), c.pollDelayMs(),
                c.maxDocumentBytes(), ZoneId.of(c.localTimeZone()), c.maximumRedeliveries(), c.redeliveryDelayMs());
    }

    /** True when the folder route should run: enabled and an agency to open cases for. */
    public boolean folderRunnable() {
        return folderEnabled && agencyId != null;
    }

    public boolean oriAllowed(String ori) {
        return allowedOris.isEmpty() || allowedOris.contains(ori);
    }

    private static Path resolve(Path base, String dir) {
        return base.resolve(dir.strip()).toAbsolutePath().normalize();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Set<String> csv(String s) {
        if (s == null || s.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
