package org.tandem.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.junit.Test;
import org.tandem.it.harness.CrashHarness;
import org.tandem.it.harness.CrashHarness.Weakening;
import org.tandem.it.harness.Distribution;
import org.tandem.it.harness.NotificationProbe;

/**
 * The short form of the crash harness (the long run is {@code bench/crash.sh}): a few cycles of concurrent
 * intake plus manual notifications to a real SMTP sink (GreenMail in this JVM), {@code kill -9} of the Karaf JVM
 * at a random moment, restart, and a check of every request: every case acknowledged with 201 present and
 * unchanged, none twice; every notification accepted with 202 (or sent again after the restart with the same
 * requestId) delivered, none as two messages, and at most the one in-flight e-mail per kill delivered again with
 * the same Message-ID. Then the negative control, one more cycle with the store deliberately non-durable, which
 * must be detected as loss.
 */
public class CrashIT {

    @Test
    public void acknowledgedCasesAndNotificationsSurviveKill9AndTheHarnessDetectsLoss() throws Exception {
        long seed = Long.getLong("tandem.crash.seed", System.nanoTime());
        int cycles = Integer.getInteger("tandem.crash.cycles", 3);
        CrashHarness.Options options = CrashHarness.Options.defaults(System.out).withSeed(seed)
                .withLoad(Duration.ofMillis(400), Duration.ofMillis(1500)).withFullSweepEvery(0);
        System.out.println("crash: seed " + seed + " (rerun with -Dtandem.crash.seed=" + seed + ")");
        try (Distribution dist = Distribution.unpack(Path.of("target/crash-it"), false);
                NotificationProbe notifications = new NotificationProbe(dist,
                        Long.toString(Math.abs(seed % 1_000_000_000L), 36).toUpperCase(Locale.ROOT),
                        Duration.ofMillis(50), Duration.ofSeconds(60), System.out)) {
            CrashHarness harness = new CrashHarness(dist, options).with(notifications);

            CrashHarness.Result durable = harness.runCycles(cycles);
            System.out.println("crash: durable: " + durable);
            assertEquals(durable.toString(), cycles, durable.cycles);
            assertTrue("some writes acknowledged: " + durable, durable.acknowledged > 0);
            assertTrue("some notifications accepted and checked: " + durable, durable.notificationsChecked > 0);
            assertTrue("no loss, duplicate or change: " + durable, durable.clean());
            assertTrue("at most the in-flight e-mail per kill delivered again: " + durable,
                    durable.notificationsResent <= cycles);

            // negative control: the same harness must fail when acknowledged data does not survive
            harness.weaken(Weakening.MEMORY);
            CrashHarness.Result weakened = harness.runCycles(1);
            System.out.println("crash: negative control (in-memory store): " + weakened);
            assertTrue("the harness detects loss: " + weakened, weakened.lost > 0);
            harness.stop();
        }
    }
}
