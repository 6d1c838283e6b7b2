package org.tandem.intake.internal.service;

import java.time.Clock;

import org.osgi.service.event.EventAdmin;
import org.tandem.api.Page;
import org.tandem.api.cases.CaseRepository;
import org.tandem.api.cases.IntakeService;

/** Lets tests in other packages build the real service with a fixed clock. */
public final class IntakeServiceImplTestAccess {

    private IntakeServiceImplTestAccess() {
    }

    public static IntakeService create(CaseRepository repository, EventAdmin events, Clock clock) {
        return new IntakeServiceImpl(repository, events, Page.MAX_SIZE, clock);
    }
}
