package org.tandem.intake.internal.extension;

import java.time.Instant;

import org.tandem.api.Caller;
import org.tandem.api.cases.NewCase;
import org.tandem.api.spi.IntakeContext;

/** The read-only view an intake extension gets: immutable records only. */
record IntakeRequest(Caller caller, NewCase newCase, Instant receivedAt) implements IntakeContext {
}
