package org.tandem.intake.internal.service;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.FieldError;
import org.tandem.api.Ids;
import org.tandem.api.Page;
import org.tandem.api.Role;
import org.tandem.api.TandemTopics;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.CaseQuery;
import org.tandem.api.cases.CaseRepository;
import org.tandem.api.cases.CaseStatus;
import org.tandem.api.cases.IntakeService;
import org.tandem.api.cases.NewCase;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.VictimCase;
import org.tandem.intake.internal.validation.CaseValidator;

/**
 * Opens and reads cases for a caller: role checks, agency tenancy, business validation, id
 * assignment, storage and the {@link TandemTopics#CASE_OPENED} event (ids only, no PII).
 */
@Component(service = IntakeService.class, configurationPid = IntakeServiceImpl.PID)
@Designate(ocd = IntakeConfig.class)
public class IntakeServiceImpl implements IntakeService {

    public static final String PID = "org.tandem.intake";

    private static final System.Logger LOG = System.getLogger(IntakeServiceImpl.class.getName());
    private static final int MAX_INCIDENT_FILTER = 64;

    private final CaseRepository repository;
    private final EventAdmin eventAdmin;
    private final Clock clock;
    private final CaseValidator validator = new CaseValidator();
    private volatile int maxPageSize;

    @Activate
    public IntakeServiceImpl(@Reference(name = "repository") CaseRepository repository,
            @Reference(name = "eventAdmin") EventAdmin eventAdmin,
            IntakeConfig config) {
        this(repository, eventAdmin, config.maxPageSize(), Clock.systemUTC());
    }

    /** For tests: a fixed clock and page limit. */
    IntakeServiceImpl(CaseRepository repository, EventAdmin eventAdmin, int maxPageSize, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.eventAdmin = Objects.requireNonNull(eventAdmin, "eventAdmin");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxPageSize = sanePageSize(maxPageSize);
    }

    @Modified
    void modified(IntakeConfig config) {
        maxPageSize = sanePageSize(config.maxPageSize());
    }

    int maxPageSize() {
        return maxPageSize;
    }

    private static int sanePageSize(int configured) {
        if (configured < 1) {
            LOG.log(Level.WARNING, "maxPageSize {0} is not positive, using {1}", configured, Page.MAX_SIZE);
            return Page.MAX_SIZE;
        }
        return configured;
    }

    @Override
    public VictimCase open(Caller caller, NewCase newCase) {
        requireAgencyRole(caller, "open cases", Role.OFFICER, Role.ADVOCATE);
        Instant now = clock.instant();
        validator.validate(newCase, now);

        Instant stamp = now.truncatedTo(ChronoUnit.MILLIS);
        List<Person> persons = new ArrayList<>(newCase.persons().size());
        for (Person person : newCase.persons()) {
            persons.add(person.withId(Ids.newId()));
        }
        VictimCase victimCase = new VictimCase(Ids.newId(), caller.agencyId(), CaseStatus.OPEN, newCase.incident(),
                persons, newCase.needs(), newCase.narrative(), caller.user(), stamp, stamp);

        repository.insert(victimCase);
        postOpened(victimCase);
        return victimCase;
    }

    /** After the insert committed: the case is stored whether or not the event can be delivered. */
    private void postOpened(VictimCase victimCase) {
        Map<String, Object> properties = Map.of(
                TandemTopics.PROP_CASE_ID, victimCase.id(),
                TandemTopics.PROP_AGENCY_ID, victimCase.agencyId(),
                TandemTopics.PROP_INCIDENT_NUMBER, victimCase.incident().number(),
                TandemTopics.PROP_ORI, victimCase.incident().ori(),
                TandemTopics.PROP_USER, victimCase.createdBy(),
                TandemTopics.PROP_TIMESTAMP, victimCase.createdAt().toEpochMilli());
        try {
            eventAdmin.postEvent(new Event(TandemTopics.CASE_OPENED, properties));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "case " + victimCase.id() + " stored but " + TandemTopics.CASE_OPENED
                    + " could not be posted", e);
        }
    }

    @Override
    public Optional<VictimCase> get(Caller caller, String caseId) {
        requireAgencyRole(caller, "read cases", Role.OFFICER, Role.ADVOCATE, Role.SUPERVISOR);
        if (!Ids.looksLikeId(caseId)) {
            return Optional.empty();
        }
        return repository.find(caller.agencyId(), caseId)
                .filter(c -> caller.agencyId().equals(c.agencyId()));
    }

    @Override
    public Page<VictimCase> list(Caller caller, CaseStatus status, String incidentNumber, int page, int size) {
        requireAgencyRole(caller, "list cases", Role.OFFICER, Role.ADVOCATE, Role.SUPERVISOR);
        int limit = maxPageSize;
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or greater"));
        }
        if (size < 1 || size > limit) {
            errors.add(new FieldError("size", "must be between 1 and " + limit));
        }
        if (errors.isEmpty() && (long) page * size > Integer.MAX_VALUE) {
            errors.add(new FieldError("page", "is too large"));
        }
        String incident = incidentNumber == null || incidentNumber.isBlank() ? null : incidentNumber;
        if (incident != null && (incident.length() > MAX_INCIDENT_FILTER
                || incident.chars().anyMatch(Character::isISOControl))) {
            errors.add(new FieldError("incident", "must be an incident number of at most " + MAX_INCIDENT_FILTER
                    + " printable characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return repository.search(new CaseQuery(caller.agencyId(), status, incident, page, size));
    }

    private static void requireAgencyRole(Caller caller, String action, Role... roles) {
        if (caller == null) {
            throw new AccessDeniedException("not authenticated");
        }
        if (!caller.hasAnyRole(roles)) {
            throw new AccessDeniedException("role " + describe(roles) + " required to " + action);
        }
        if (!caller.hasAgency()) {
            throw new AccessDeniedException("account has no agency");
        }
    }

    private static String describe(Role... roles) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < roles.length; i++) {
            if (i > 0) {
                out.append(i == roles.length - 1 ? " or " : ", ");
            }
            out.append(roles[i].id());
        }
        return out.toString();
    }
}
