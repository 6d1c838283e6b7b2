package org.tandem.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.Test;
import org.tandem.it.harness.CrashHarness;
import org.tandem.it.harness.CrashHarness.Weakening;
import org.tandem.it.harness.Distribution;

/**
 * The short form of the crash harness (the long run is {@code bench/crash.sh}): three cycles of concurrent
 * intake, {@code kill -9} of the Karaf JVM at a random moment, restart, and a check of every request; then
 * the negative control, one more cycle with durability deliberately broken, which must be detected.
 */
public class CrashIT {

    @Test
    public void acknowledgedCasesSurviveKill9AndTheHarnessDetectsLoss() throws Exception {
        long seed = Long.getLong("tandem.crash.seed", System.nanoTime());
        int cycles = Integer.getInteger("tandem.crash.cycles", 3);
        CrashHarness.Options options = CrashHarness.Options.defaults(System.out).withSeed(seed)
                .withLoad(Duration.ofMillis(400), Duration.ofMillis(1500)).withFullSweepEvery(0);
        System.out.println("crash: seed " + seed + " (rerun with -Dtandem.crash.seed=" + seed + ")");
        try (Distribution dist = Distribution.unpack(Path.of("target/crash-it"), false)) {
            // the hook later capabilities (notifications: no message sent twice) plug their own checks into
            java.util.concurrent.atomic.AtomicInteger driven = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger verified = new java.util.concurrent.atomic.AtomicInteger();
            CrashHarness harness = new CrashHarness(dist, options).with(new CrashHarness.Probe() {
                @Override
                public void drive(Distribution d, int cycle, java.util.function.BooleanSupplier running) {
                    driven.incrementAndGet();
                }

                @Override
                public void verify(Distribution d, int cycle, CrashHarness.Result result) {
                    verified.incrementAndGet();
                }
            });

            CrashHarness.Result durable = harness.runCycles(cycles);
            System.out.println("crash: durable: " + durable);
            assertEquals(durable.toString(), cycles, durable.cycles);
            assertTrue("some writes acknowledged: " + durable, durable.acknowledged > 0);
            assertTrue("no loss, duplicate or change: " + durable, durable.clean());
            assertEquals("probes driven once per cycle", cycles, driven.get());
            assertEquals("probes verified once per cycle", cycles, verified.get());

            // negative control: the same harness must fail when acknowledged data does not survive
            harness.weaken(Weakening.MEMORY);
            CrashHarness.Result weakened = harness.runCycles(1);
            System.out.println("crash: negative control (in-memory store): " + weakened);
            assertTrue("the harness detects loss: " + weakened, weakened.lost > 0);
            harness.stop();
        }
    }
}
