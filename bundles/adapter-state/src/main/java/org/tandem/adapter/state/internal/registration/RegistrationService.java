package org.tandem.adapter.state.internal.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.ws.rs.ClientErrorException;

import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.FieldError;
import org.tandem.api.Ids;
import org.tandem.api.Page;
import org.tandem.api.Role;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.IntakeService;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.registration.Registration;
import org.tandem.api.registration.RegistrationRepository;

/**
 * VINE-style registrations: a person on one of the caller's agency's cases is registered for events about an
 * offender (the state's offender id) or, without an offender, about the case. Tenancy comes from intake: a case
 * the caller cannot read answers "no such case".
 */
public final class RegistrationService {

    private static final Pattern OFFENDER_ID = Pattern.compile("[\\x21-\\x7E](?:[\\x20-\\x7E]{0,62}[\\x21-\\x7E])?");

    private final IntakeService intake;
    private final RegistrationRepository registrations;
    private final Clock clock;

    public RegistrationService(IntakeService intake, RegistrationRepository registrations, Clock clock) {
        this.intake = Objects.requireNonNull(intake, "intake");
        this.registrations = Objects.requireNonNull(registrations, "registrations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws NoSuchElementException when the case is not the caller's agency's
     * @throws ValidationException listing every bad field
     * @throws ClientErrorException 409 when the same registration is already active
     */
    public Registration register(Caller caller, String caseId, String personId, String offenderId) {
        requireRole(caller, "register persons for events", Role.OFFICER, Role.ADVOCATE);
        List<FieldError> errors = new ArrayList<>();
        if (caseId == null) {
            errors.add(new FieldError("caseId", "required"));
        }
        if (personId == null) {
            errors.add(new FieldError("personId", "required"));
        }
        if (offenderId != null && !OFFENDER_ID.matcher(offenderId).matches()) {
            errors.add(new FieldError("offenderId", "must be 1-64 printable ASCII characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        VictimCase c = intake.get(caller, caseId).orElseThrow(() -> new NoSuchElementException("no such case"));
        if (c.persons().stream().noneMatch(p -> personId.equals(p.id()))) {
            throw new ValidationException("personId", "not a person on this case");
        }
        if (registrations.findActive(c.agencyId(), c.id(), personId, offenderId).isPresent()) {
            throw new ClientErrorException("This person is already registered for " + (offenderId == null
                    ? "this case" : "offender " + offenderId), 409);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Registration r = new Registration(Ids.newId(), c.agencyId(), c.id(), personId, offenderId, caller.user(), now,
                null);
        registrations.insert(r);
        return r;
    }

    public Optional<Registration> get(Caller caller, String id) {
        requireRole(caller, "read registrations", Role.OFFICER, Role.ADVOCATE, Role.SUPERVISOR);
        return registrations.find(caller.agencyId(), id);
    }

    public Page<Registration> listForCase(Caller caller, String caseId, int page, int size) {
        requireRole(caller, "read registrations", Role.OFFICER, Role.ADVOCATE, Role.SUPERVISOR);
        if (caseId == null || caseId.isBlank()) {
            throw new ValidationException("caseId", "required");
        }
        VictimCase c = intake.get(caller, caseId).orElseThrow(() -> new NoSuchElementException("no such case"));
        return registrations.listForCase(c.agencyId(), c.id(), page, size);
    }

    /** @return false when there is no such active registration in the caller's agency */
    public boolean cancel(Caller caller, String id) {
        requireRole(caller, "cancel registrations", Role.OFFICER, Role.ADVOCATE);
        return registrations.cancel(caller.agencyId(), id, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    private static void requireRole(Caller caller, String action, Role... roles) {
        if (caller == null || !caller.hasAnyRole(roles)) {
            throw new AccessDeniedException("your role may not " + action);
        }
        if (!caller.hasAgency()) {
            throw new AccessDeniedException("account has no agency");
        }
    }
}
