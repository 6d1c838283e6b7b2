package org.tandem.intake.internal.extension;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.tandem.api.Caller;
import org.tandem.api.FieldError;
import org.tandem.api.cases.NewCase;
import org.tandem.api.spi.ExtensionStatus;
import org.tandem.api.spi.IntakeEnricher;
import org.tandem.api.spi.IntakeValidator;

/**
 * The intake whiteboard: the registered {@link IntakeEnricher}s and {@link IntakeValidator}s in
 * ranking order, selected by agency, each call isolated. An extension that throws, returns
 * {@code null} or does not answer within the timeout is logged, counted and skipped; intake goes on.
 * Calls run on a separate thread so that a hanging extension costs at most the timeout.
 */
public final class IntakeExtensions {

    public static final String ENRICHER = "IntakeEnricher";
    public static final String VALIDATOR = "IntakeValidator";

    private static final System.Logger LOG = System.getLogger(IntakeExtensions.class.getName());
    private static final int MAX_ERRORS_PER_VALIDATOR = 50;
    private static final int MAX_MESSAGE = 500;

    private final ConcurrentSkipListSet<Registered<IntakeEnricher>> enrichers = new ConcurrentSkipListSet<>();
    private final ConcurrentSkipListSet<Registered<IntakeValidator>> validators = new ConcurrentSkipListSet<>();
    private final AtomicLong totalFailures = new AtomicLong();
    private final ExecutorService executor;
    private volatile Duration timeout;
    private volatile boolean enabled = true;

    public IntakeExtensions(ExecutorService executor, Duration timeout) {
        this.executor = executor;
        this.timeout = timeout;
    }

    public void configure(boolean enabled, Duration timeout) {
        this.enabled = enabled;
        this.timeout = timeout;
    }

    // ---------------------------------------------------------------- whiteboard

    public void addEnricher(IntakeEnricher enricher, Map<String, ?> properties, String bundle) {
        enrichers.add(new Registered<>(enricher, properties, bundle));
        LOG.log(Level.INFO, "Intake enricher added: {0}", describe(enrichers, properties));
    }

    public void removeEnricher(Map<String, ?> properties) {
        enrichers.removeIf(r -> r.serviceId == serviceId(properties));
    }

    public void addValidator(IntakeValidator validator, Map<String, ?> properties, String bundle) {
        validators.add(new Registered<>(validator, properties, bundle));
        LOG.log(Level.INFO, "Intake validator added: {0}", describe(validators, properties));
    }

    public void removeValidator(Map<String, ?> properties) {
        validators.removeIf(r -> r.serviceId == serviceId(properties));
    }

    // ---------------------------------------------------------------- calls

    /** Runs every applicable enricher in order, each on the previous one's result. */
    public NewCase enrich(Caller caller, NewCase newCase, Instant receivedAt) {
        if (!enabled) {
            return newCase;
        }
        NewCase current = newCase;
        for (Registered<IntakeEnricher> enricher : enrichers) {
            if (!enricher.appliesTo(caller.agencyId())) {
                continue;
            }
            IntakeRequest request = new IntakeRequest(caller, current, receivedAt);
            NewCase result = call(enricher, () -> enricher.service.enrich(request));
            if (result != null) {
                current = result;
            }
        }
        return current;
    }

    /** Runs every applicable validator and returns all the errors they report. */
    public List<FieldError> validate(Caller caller, NewCase newCase, Instant receivedAt) {
        List<FieldError> errors = new ArrayList<>();
        if (!enabled) {
            return errors;
        }
        IntakeRequest request = new IntakeRequest(caller, newCase, receivedAt);
        for (Registered<IntakeValidator> validator : validators) {
            if (!validator.appliesTo(caller.agencyId())) {
                continue;
            }
            List<FieldError> reported = call(validator, () -> validator.service.validate(request));
            if (reported != null) {
                reported.stream().limit(MAX_ERRORS_PER_VALIDATOR).map(IntakeExtensions::sanitize).forEach(errors::add);
            }
        }
        return errors;
    }

    /** @return the extension's answer, or null when it failed (already logged and counted) */
    private <T, R> R call(Registered<T> extension, Callable<R> work) {
        extension.invocations.incrementAndGet();
        Future<R> future;
        try {
            future = executor.submit(work);
        } catch (RuntimeException rejected) {
            return failed(extension, "could not be scheduled: " + rejected, null);
        }
        Duration limit = timeout;
        try {
            R result = future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (result == null) {
                return failed(extension, "returned null", null);
            }
            return result;
        } catch (TimeoutException e) {
            future.cancel(true);
            return failed(extension, "did not answer within " + limit.toMillis() + " ms", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return failed(extension, "threw " + cause, cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return failed(extension, "interrupted", null);
        }
    }

    private <R> R failed(Registered<?> extension, String why, Throwable cause) {
        extension.failed(why);
        totalFailures.incrementAndGet();
        String message = "Intake extension " + extension + " " + why + "; skipped (intake goes on without it)";
        if (cause != null) {
            LOG.log(Level.ERROR, message, cause);
        } else {
            LOG.log(Level.ERROR, message);
        }
        return null;
    }

    private static FieldError sanitize(FieldError e) {
        String field = e == null || e.field() == null || e.field().isBlank() ? "body" : e.field();
        String message = e == null || e.message() == null || e.message().isBlank() ? "rejected by an agency rule"
                : e.message();
        return new FieldError(cut(field), cut(message));
    }

    private static String cut(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE);
    }

    // ---------------------------------------------------------------- monitoring

    public List<ExtensionStatus> statuses() {
        List<ExtensionStatus> out = new ArrayList<>();
        enrichers.forEach(r -> out.add(r.status(ENRICHER)));
        validators.forEach(r -> out.add(r.status(VALIDATOR)));
        return out;
    }

    public long totalFailures() {
        return totalFailures.get();
    }

    private static long serviceId(Map<String, ?> properties) {
        return properties.get("service.id") instanceof Number n ? n.longValue() : -1L;
    }

    private static String describe(ConcurrentSkipListSet<? extends Registered<?>> set, Map<String, ?> properties) {
        long id = serviceId(properties);
        return set.stream().filter(r -> r.serviceId == id).findFirst().map(Object::toString).orElse("service " + id);
    }
}
