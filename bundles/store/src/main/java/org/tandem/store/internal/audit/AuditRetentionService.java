package org.tandem.store.internal.audit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.audit.AuditPurge;
import org.tandem.api.audit.AuditRetention;

/**
 * The retention settings (live, from {@code org.tandem.store}) and the scheduled purge: one daemon thread runs
 * {@link JdbcAuditPurge} every {@code auditPurgeIntervalHours}, first a few minutes after the start. A value out of
 * range is refused with an error in the log and the previous one is kept (at the first configuration: the default).
 */
public final class AuditRetentionService implements AuditRetention, AutoCloseable {

    public static final int MIN_RETENTION_DAYS = 30;
    public static final int DEFAULT_RETENTION_DAYS = 365;
    public static final int DEFAULT_INTERVAL_HOURS = 24;
    public static final int DEFAULT_BATCH_SIZE = 1000;
    public static final int MAX_BATCH_SIZE = 10_000;
    public static final String SYSTEM_USER = "system";
    static final Duration FIRST_RUN_DELAY = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(AuditRetentionService.class);

    private final JdbcAuditPurge purger;
    private final ScheduledExecutorService scheduler;
    private volatile int retentionDays = DEFAULT_RETENTION_DAYS;
    private volatile int batchSize = DEFAULT_BATCH_SIZE;
    private volatile int intervalHours = DEFAULT_INTERVAL_HOURS;
    private ScheduledFuture<?> scheduled;

    public AuditRetentionService(JdbcAuditPurge purger) {
        this.purger = Objects.requireNonNull(purger, "purger");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tandem-audit-purge");
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
        if (retentionDays < MIN_RETENTION_DAYS) {
            LOG.error("org.tandem.store auditRetentionDays = {} refused: audit records are kept at least {} days;"
                    + " keeping {} days", retentionDays, MIN_RETENTION_DAYS, this.retentionDays);
            ok = false;
        } else {
            this.retentionDays = retentionDays;
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            LOG.error("org.tandem.store auditPurgeBatchSize = {} refused: 1 to {}; keeping {}", batchSize,
                    MAX_BATCH_SIZE, this.batchSize);
            ok = false;
        } else {
            this.batchSize = batchSize;
        }
        if (intervalHours < 1) {
            LOG.error("org.tandem.store auditPurgeIntervalHours = {} refused: at least 1; keeping {}", intervalHours,
                    this.intervalHours);
            ok = false;
        } else if (intervalHours != this.intervalHours) {
            this.intervalHours = intervalHours;
            if (scheduled != null) {
                schedule(Duration.ofHours(intervalHours), Duration.ofHours(intervalHours));
            }
        }
        LOG.info("Audit retention {} days, purge every {} h in batches of {}", this.retentionDays, this.intervalHours,
                this.batchSize);
        return ok;
    }

    /** Starts the periodic purge: first run {@link #FIRST_RUN_DELAY} from now, then every interval. */
    public synchronized void start() {
        schedule(FIRST_RUN_DELAY, Duration.ofHours(intervalHours));
    }

    /** Package-private for tests, which use short periods. */
    synchronized void schedule(Duration firstRun, Duration interval) {
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        scheduled = scheduler.scheduleWithFixedDelay(this::runScheduled, firstRun.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** One scheduled run: never throws (the executor would stop scheduling), the failure is logged and audited. */
    void runScheduled() {
        try {
            purge(SYSTEM_USER, SYSTEM_USER, "scheduler");
        } catch (RuntimeException e) {
            LOG.error("Scheduled audit purge failed, next try in {} h: {}", intervalHours, e.getMessage(), e);
        }
    }

    @Override
    public Duration retention() {
        return Duration.ofDays(retentionDays);
    }

    int batchSize() {
        return batchSize;
    }

    int intervalHours() {
        return intervalHours;
    }

    @Override
    public AuditPurge purge(String purgedBy, String roles, String clientAddress) {
        return purger.purge(retention(), batchSize, purgedBy, roles, clientAddress);
    }

    /** Stops the schedule; a purge running now stops after its current batch (and is audited). */
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
                LOG.warn("Audit purge still running after 30 s at stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
