package org.tandem.adapter.state.internal.testing;

import java.util.List;
import java.util.Optional;

import org.tandem.api.Caller;
import org.tandem.api.Page;
import org.tandem.api.cases.CaseRepository;
import org.tandem.api.cases.CaseStatus;
import org.tandem.api.cases.IntakeService;
import org.tandem.api.cases.NewCase;
import org.tandem.api.cases.VictimCase;

/** Reads through the real case repository with intake's tenancy rule (the caller's agency only). */
public final class FakeIntake implements IntakeService {

    private final CaseRepository cases;

    public FakeIntake(CaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public VictimCase open(Caller caller, NewCase newCase) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<VictimCase> get(Caller caller, String caseId) {
        return cases.find(caller.agencyId(), caseId);
    }

    @Override
    public Page<VictimCase> list(Caller caller, CaseStatus status, String incidentNumber, int page, int size) {
        return new Page<>(List.of(), page, size, 0);
    }
}
