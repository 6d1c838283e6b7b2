package org.tandem.intake.internal.service;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
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
import org.tandem.api.cases.CaseEvents;
import org.tandem.api.cases.CaseRepository;
import org.tandem.api.cases.CaseStatus;
import org.tandem.api.cases.IntakeResult;
import org.tandem.api.cases.IntakeService;
import org.tandem.api.cases.NewCase;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.spi.ExtensionMonitor;
import org.tandem.api.spi.ExtensionStatus;
import org.tandem.api.spi.IntakeEnricher;
import org.tandem.api.spi.IntakeValidator;
import org.tandem.intake.internal.extension.IntakeExtensions;
import org.tandem.intake.internal.validation.CaseValidator;

/**
 * Opens and reads cases for a caller: role checks, agency tenancy, agency enrichers, business
 * validation, agency validators, id assignment, storage and the {@link TandemTopics#CASE_OPENED}
 * event (ids only, no PII). Also the whiteboard of {@link IntakeEnricher} and {@link IntakeValidator}
 * services, reported through {@link ExtensionMonitor}.
 */
@Component(service = { IntakeService.class, ExtensionMonitor.class }, configurationPid = IntakeServiceImpl.PID)
@Designate(ocd = IntakeConfig.class)
public class IntakeServiceImpl implements IntakeService, ExtensionMonitor {

    public static final String PID = "org.tandem.intake";

    private static final System.Logger LOG = System.getLogger(IntakeServiceImpl.class.getName());
    private static final int MAX_INCIDENT_FILTER = 64;
    /** The store's close_reason column (V009). */
    static final int MAX_CLOSE_REASON = 1000;
    private static final int MAX_EXTENSION_THREADS = 32;
    /** Roles that may open cases: the people who take reports, and integrations (RMS feeds) on their behalf. */
    private static final Role[] OPENERS = {Role.OFFICER, Role.ADVOCATE, Role.INTEGRATOR};
    /**
     * Serialises open-or-supplement of one incident within this node (a hash stripe per agency, ORI and incident
     * number), so two copies of a new incident arriving at once do not open two cases.
     */
    private final Object[] incidentLocks = new Object[64];

    {
        for (int i = 0; i < incidentLocks.length; i++) {
            incidentLocks[i] = new Object();
        }
    }

    private final CaseRepository repository;
    private final EventAdmin eventAdmin;
    private final Clock clock;
    private final CaseValidator validator = new CaseValidator();
    private final ExecutorService extensionThreads;
    private final IntakeExtensions extensions;
    private volatile IntakeSettings settings;

    @Activate
    public IntakeServiceImpl(@Reference(name = "repository") CaseRepository repository,
            @Reference(name = "eventAdmin") EventAdmin eventAdmin,
            IntakeConfig config) {
        this(repository, eventAdmin, initialSettings(config), Clock.systemUTC());
    }

    /** For tests: a fixed clock and page limit. */
    IntakeServiceImpl(CaseRepository repository, EventAdmin eventAdmin, int maxPageSize, Clock clock) {
        this(repository, eventAdmin, new IntakeSettings(maxPageSize, true, IntakeSettings.DEFAULTS.extensionTimeout()),
                clock);
    }

    IntakeServiceImpl(CaseRepository repository, EventAdmin eventAdmin, IntakeSettings settings, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.eventAdmin = Objects.requireNonNull(eventAdmin, "eventAdmin");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = settings;
        AtomicInteger threads = new AtomicInteger();
        // bounded: extensions that hang (and ignore interruption) cannot take more than MAX_EXTENSION_THREADS
        // threads; beyond that a call is refused, counted as a failure and skipped like any other
        this.extensionThreads = new ThreadPoolExecutor(0, MAX_EXTENSION_THREADS, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "tandem-intake-extension-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.extensions = new IntakeExtensions(extensionThreads, settings.extensionTimeout());
        extensions.configure(settings.extensionsEnabled(), settings.extensionTimeout());
    }

    private static IntakeSettings initialSettings(IntakeConfig config) {
        try {
            return IntakeSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "Invalid configuration " + PID + " (" + e.getMessage()
                    + "); starting with the defaults " + IntakeSettings.DEFAULTS);
            return IntakeSettings.DEFAULTS;
        }
    }

    /**
     * Live change (config:property-set, config:edit, etc/org.tandem.intake.cfg). An invalid value is
     * rejected as a whole: the log says which and why, and the configuration in force stays.
     */
    @Modified
    void modified(IntakeConfig config) {
        IntakeSettings previous = settings;
        IntakeSettings next;
        try {
            next = IntakeSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "Rejected configuration change of " + PID + ": " + e.getMessage()
                    + "; keeping the current configuration " + previous);
            return;
        }
        settings = next;
        extensions.configure(next.extensionsEnabled(), next.extensionTimeout());
        LOG.log(Level.INFO, "Configuration " + PID + " changed: " + next);
    }

    @Deactivate
    void deactivate() {
        extensionThreads.shutdownNow();
    }

    int maxPageSize() {
        return settings.maxPageSize();
    }

    IntakeExtensions whiteboard() {
        return extensions;
    }

    // ---------------------------------------------------------------- extension whiteboard

    @Reference(name = "enricher", service = IntakeEnricher.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeEnricher")
    void addEnricher(IntakeEnricher enricher, ServiceReference<IntakeEnricher> ref) {
        extensions.addEnricher(enricher, properties(ref), bundle(ref));
    }

    void removeEnricher(ServiceReference<IntakeEnricher> ref) {
        extensions.removeEnricher(properties(ref));
    }

    @Reference(name = "validator", service = IntakeValidator.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeValidator")
    void addValidator(IntakeValidator validator, ServiceReference<IntakeValidator> ref) {
        extensions.addValidator(validator, properties(ref), bundle(ref));
    }

    void removeValidator(ServiceReference<IntakeValidator> ref) {
        extensions.removeValidator(properties(ref));
    }

    @Override
    public List<ExtensionStatus> extensions() {
        return extensions.statuses();
    }

    private static Map<String, Object> properties(ServiceReference<?> ref) {
        Map<String, Object> out = new java.util.HashMap<>();
        for (String key : ref.getPropertyKeys()) {
            out.put(key, ref.getProperty(key));
        }
        return out;
    }

    private static String bundle(ServiceReference<?> ref) {
        Bundle b = ref.getBundle();
        return b == null ? "?" : b.getSymbolicName() + " " + b.getVersion();
    }

    @Override
    public VictimCase open(Caller caller, NewCase newCase) {
        requireAgencyRole(caller, "open cases", OPENERS);
        Instant now = clock.instant();
        NewCase prepared = prepare(caller, newCase, now);
        return insert(caller, prepared, now);
    }

    /** Agency enrichers first (isolated), then the built-in rules, then the agency rules. */
    private NewCase prepare(Caller caller, NewCase newCase, Instant now) {
        NewCase enriched = newCase == null ? null : extensions.enrich(caller, newCase, now);
        validator.validate(enriched, now);
        List<FieldError> agencyErrors = extensions.validate(caller, enriched, now);
        if (!agencyErrors.isEmpty()) {
            throw new ValidationException(agencyErrors);
        }
        return enriched;
    }

    private VictimCase insert(Caller caller, NewCase newCase, Instant now) {
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

    @Override
    public IntakeResult openOrSupplement(Caller caller, NewCase newCase) {
        requireAgencyRole(caller, "open cases", OPENERS);
        Instant now = clock.instant();
        newCase = prepare(caller, newCase, now);
        String ori = newCase.incident().ori();
        String number = newCase.incident().number();
        synchronized (incidentLocks[Math.floorMod(Objects.hash(caller.agencyId(), ori, number), incidentLocks.length)]) {
            Optional<VictimCase> existing = repository.findByIncident(caller.agencyId(), ori, number);
            if (existing.isEmpty()) {
                return new IntakeResult(insert(caller, newCase, now), true, List.of());
            }
            return supplement(caller, existing.get(), newCase, now);
        }
    }

    private IntakeResult supplement(Caller caller, VictimCase existing, NewCase newCase, Instant now) {
        List<Person> added = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < newCase.persons().size(); i++) {
            Person candidate = newCase.persons().get(i);
            if (existing.persons().stream().anyMatch(p -> samePerson(p, candidate))) {
                continue;
            }
            if (candidate.role() == PersonRole.PRIMARY_VICTIM) {
                errors.add(new FieldError("persons[" + i + "].role", "the case " + existing.id()
                        + " of this incident has a different PRIMARY_VICTIM; add this person as SECONDARY_VICTIM or"
                        + " WITNESS, or open a separate case"));
            }
            added.add(candidate.withId(Ids.newId()));
        }
        if (existing.persons().size() + added.size() > CaseValidator.MAX_PERSONS) {
            errors.add(new FieldError("persons", "the case would have more than " + CaseValidator.MAX_PERSONS
                    + " persons"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (added.isEmpty()) {
            return new IntakeResult(existing, false, List.of());
        }
        Instant stamp = now.truncatedTo(ChronoUnit.MILLIS);
        repository.addPersons(existing.agencyId(), existing.id(), added, stamp);
        List<Person> persons = new ArrayList<>(existing.persons());
        persons.addAll(added);
        VictimCase updated = new VictimCase(existing.id(), existing.agencyId(), existing.status(), existing.incident(),
                persons, existing.needs(), existing.narrative(), existing.createdBy(), existing.createdAt(), stamp);
        post(TandemTopics.CASE_UPDATED, updated, caller.user(), stamp);
        return new IntakeResult(updated, false, added);
    }

    /** Same role, names (ignoring case and surrounding blanks) and birth date. */
    static boolean samePerson(Person a, Person b) {
        return a.role() == b.role() && normalised(a.givenName()).equals(normalised(b.givenName()))
                && normalised(a.familyName()).equals(normalised(b.familyName()))
                && Objects.equals(a.birthDate(), b.birthDate());
    }

    private static String normalised(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    /** After the insert committed: the case is stored whether or not the event can be delivered. */
    private void postOpened(VictimCase victimCase) {
        post(TandemTopics.CASE_OPENED, victimCase, victimCase.createdBy(), victimCase.createdAt());
    }

    /** The case event properties (the same builder as the journaled CASE_OPENED), with who and when. */
    private void post(String topic, VictimCase victimCase, String user, Instant timestamp) {
        Map<String, Object> properties = new java.util.HashMap<>(CaseEvents.opened(victimCase));
        if (user != null) {
            properties.put(TandemTopics.PROP_USER, user);
        }
        properties.put(TandemTopics.PROP_TIMESTAMP, timestamp.toEpochMilli());
        postProperties(topic, victimCase, properties);
    }

    private void postProperties(String topic, VictimCase victimCase, Map<String, Object> properties) {
        try {
            eventAdmin.postEvent(new Event(topic, properties));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "case " + victimCase.id() + " stored but " + topic + " could not be posted", e);
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
        int limit = settings.maxPageSize();
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

    @Override
    public Optional<VictimCase> close(Caller caller, String caseId, String reason) {
        requireAgencyRole(caller, "close cases", Role.OFFICER, Role.ADVOCATE, Role.SUPERVISOR);
        String why = reason == null ? null : reason.strip();
        if (why == null || why.isEmpty()) {
            throw new ValidationException(List.of(new FieldError("reason", "is required")));
        }
        if (why.length() > MAX_CLOSE_REASON || why.chars().anyMatch(ch -> Character.isISOControl(ch)
                && ch != '\n' && ch != '\r' && ch != '\t')) {
            throw new ValidationException(List.of(new FieldError("reason", "must be text of at most "
                    + MAX_CLOSE_REASON + " characters")));
        }
        if (!Ids.looksLikeId(caseId)) {
            return Optional.empty();
        }
        Instant stamp = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        VictimCase closed;
        try {
            closed = repository.close(caller.agencyId(), caseId, caller.user(), why, stamp);
        } catch (NoSuchElementException e) {
            return Optional.empty();
        }
        // the store journaled CASE_CLOSED with the change; this is the live event, with the same properties
        postProperties(TandemTopics.CASE_CLOSED, closed, CaseEvents.closed(closed, caller.user(), stamp));
        return Optional.of(closed);
    }

    @Override
    public Optional<VictimCase> reopen(Caller caller, String caseId) {
        requireAgencyRole(caller, "reopen cases", Role.SUPERVISOR);
        if (!Ids.looksLikeId(caseId)) {
            return Optional.empty();
        }
        Instant stamp = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        VictimCase reopened;
        try {
            reopened = repository.reopen(caller.agencyId(), caseId, caller.user(), stamp);
        } catch (NoSuchElementException e) {
            return Optional.empty();
        }
        post(TandemTopics.CASE_UPDATED, reopened, caller.user(), stamp);
        return Optional.of(reopened);
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
