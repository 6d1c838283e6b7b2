package org.tandem.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.tandem.it.harness.Distribution;

/**
 * A measurement that applies only when its capability ships in the distribution (RMS ingest,
 * notifications, hot deploy of the example agency bundle). To add one: implement {@link #run}, and
 * make {@link #present} look for what the capability ships; until then its rows read
 * "n/a (feature not present)".
 */
interface OptionalBench {

    /** A table row: what was measured, Tandem's figure, the baseline's, their ratio, the target. */
    record Row(String measurement, String tandem, String baseline, String ratio, String target, String verdict) {
    }

    String name();

    String target();

    /** Whether the unpacked distribution ships the capability. */
    boolean present(Path distHome);

    /** Runs against the started, healthy distribution (after the intake measurements). */
    List<Row> run(Distribution dist) throws Exception;

    /** The capabilities expected to land; each is "not present" until its bundle is in the distribution. */
    static List<OptionalBench> all() {
        return List.of(
                new NotYetMeasured("RMS ingest: documents/s through the RMS adapter folder",
                        "(no target; reported)", "system/org/tandem/tandem-adapter-rms"),
                new NotificationDispatchBench(Integer.getInteger("tandem.bench.notifications", 300)),
                new HotDeployBench(Integer.getInteger("tandem.bench.deployRounds", 3)));
    }

    /** The hook for a capability whose benchmark is not written yet. */
    final class NotYetMeasured implements OptionalBench {
        private final String name;
        private final String target;
        private final String marker;

        NotYetMeasured(String name, String target, String marker) {
            this.name = name;
            this.target = target;
            this.marker = marker;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String target() {
            return target;
        }

        @Override
        public boolean present(Path distHome) {
            return Files.isDirectory(distHome.resolve(marker));
        }

        @Override
        public List<Row> run(Distribution dist) {
            return List.of(new Row(name, "n/a (feature present, benchmark not written yet)", "", "", target, ""));
        }
    }
}
