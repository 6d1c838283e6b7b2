package org.tandem.store.internal.retention;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.cases.CasePurge;
import org.tandem.api.cases.CaseRetention;

/**
 * The closed-case retention settings (live, from {@code org.tandem.store}) and the scheduled purge: one daemon
 * thread runs {@link JdbcCasePurge} every {@code casePurgeIntervalHours}, first a few minutes after the start (like
 * the audit purge). {@code caseRetentionDays = 0} disables the purge; a value out of range is refused with an
 * error in the log and the previous one is kept (at the first configuration: the default).
 */
public final class CaseRetentionService implements CaseRetention, AutoCloseable {

    public static final int MIN_RETENTION_DAYS = 30;
    /** Seven years. */
    public static final int DEFAULT_RETENTION_DAYS = 2555;
    public static final int DEFAULT_INTERVAL_HOURS = 24;
    public static final int DEFAULT_BATCH_SIZE = 100;
    public static final int MAX_BATCH_SIZE = 10_000;
    public static final String SYSTEM_USER = "system";
    static final Duration FIRST_RUN_DELAY = Duration.ofMinutes(7);

    private static final Logger LOG = LoggerFactory.getLogger(CaseRetentionService.class);

    private final JdbcCasePurge purger;
    private final ScheduledExecutorService scheduler;
    private volatile int retentionDays = DEFAULT_RETENTION_DAYS;
    private volatile int batchSize = DEFAULT_BATCH_SIZE;
    private volatile int intervalHours = DEFAULT_INTERVAL_HOURS;
    private ScheduledFuture<?> scheduled;

    public CaseRetentionService(JdbcCasePurge purger) {
        this.purger = Objects.requireNonNull(purger, "purger");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tandem-case-purge");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Applies a configuration; each value out of range is refused on its own (logged, previous value kept).
     *
     * @return false when a value was refused
     */
    public synchronized boolean configure(int retentionDays, int intervalHours, int batchSize) {
        boolean ok = true;
        if (retentionDays != 0 && retentionDays < MIN_RETENTION_DAYS) {
            LOG.error("org.tandem.store caseRetentionDays = {} refused: closed cases are kept at least {} days"
                    + " (0 = never purged); keeping {}", retentionDays, MIN_RETENTION_DAYS, this.retentionDays);
            ok = false;
        } else {
            this.retentionDays = retentionDays;
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            LOG.error("org.tandem.store casePurgeBatchSize = {} refused: 1 to {}; keeping {}", batchSize,
                    MAX_BATCH_SIZE, this.batchSize);
            ok = false;
        } else {
            this.batchSize = batchSize;
        }
        if (intervalHours < 1) {
            LOG.error("org.tandem.store casePurgeIntervalHours = {} refused: at least 1; keeping {}", intervalHours,
                    this.intervalHours);
            ok = false;
        } else if (intervalHours != this.intervalHours) {
            this.intervalHours = intervalHours;
            if (scheduled != null) {
                schedule(Duration.ofHours(intervalHours), Duration.ofHours(intervalHours));
            }
        }
        LOG.info("Closed case retention {}, purge every {} h in batches of {}",
                this.retentionDays == 0 ? "off (never purged)" : this.retentionDays + " days", this.intervalHours,
                this.batchSize);
        return ok;
    }

    /** Starts the periodic purge: first run {@link #FIRST_RUN_DELAY} from now, then every interval. */
    public synchronized void start() {
        schedule(FIRST_RUN_DELAY, Duration.ofHours(intervalHours));
    }

    synchronized void schedule(Duration firstRun, Duration interval) {
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        scheduled = scheduler.scheduleWithFixedDelay(this::runScheduled, firstRun.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** One scheduled run: never throws (the executor would stop scheduling). Disabled: nothing, not even audited. */
    void runScheduled() {
        if (retentionDays == 0) {
            return;
        }
        try {
            purge(SYSTEM_USER, SYSTEM_USER, "scheduler");
        } catch (RuntimeException e) {
            LOG.error("Scheduled case purge failed, next try in {} h: {}", intervalHours, e.getMessage(), e);
        }
    }

    @Override
    public Optional<Duration> retention() {
        int days = retentionDays;
        return days == 0 ? Optional.empty() : Optional.of(Duration.ofDays(days));
    }

    int batchSize() {
        return batchSize;
    }

    int intervalHours() {
        return intervalHours;
    }

    @Override
    public CasePurge purge(String purgedBy, String roles, String clientAddress) {
        return purger.purge(retention().orElse(null), batchSize, purgedBy, roles, clientAddress);
    }

    /** Stops the schedule; a purge running now stops after its current case. */
    @Override
    public synchronized void close() {
        purger.stop();
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Case purge still running after 30 s at stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
