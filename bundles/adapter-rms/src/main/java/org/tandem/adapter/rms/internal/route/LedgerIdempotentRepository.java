package org.tandem.adapter.rms.internal.route;

import java.util.Objects;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.tandem.api.integration.ProcessedMessageRepository;

/**
 * Camel's {@link IdempotentRepository} over the store's processed-message ledger, so duplicate detection survives
 * restarts. {@code owner} identifies this run: a key left PENDING by an earlier run (which stopped between storing
 * and confirming) is processed again, and intake's open-or-supplement makes that second pass add nothing.
 */
public final class LedgerIdempotentRepository extends ServiceSupport implements IdempotentRepository {

    private final ProcessedMessageRepository ledger;
    private final String processor;
    private final String owner;

    public LedgerIdempotentRepository(ProcessedMessageRepository ledger, String processor, String owner) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.processor = Objects.requireNonNull(processor, "processor");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    @Override
    public boolean add(String key) {
        return ledger.begin(processor, key, owner);
    }

    @Override
    public boolean contains(String key) {
        return ledger.contains(processor, key);
    }

    @Override
    public boolean remove(String key) {
        ledger.remove(processor, key);
        return true;
    }

    @Override
    public boolean confirm(String key) {
        ledger.confirm(processor, key);
        return true;
    }

    @Override
    public void clear() {
        ledger.clear(processor);
    }
}
