package org.tandem.security.internal.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.Caller;
import org.tandem.api.FieldError;
import org.tandem.api.Ids;
import org.tandem.api.Role;
import org.tandem.api.TandemTopics;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.CaseRepository;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.consent.Consent;
import org.tandem.api.consent.ConsentRepository;
import org.tandem.api.consent.ConsentScope;
import org.tandem.api.consent.ConsentService;
import org.tandem.api.consent.ConsentTopics;
import org.tandem.api.consent.NewConsent;
import org.tandem.api.consent.Recipient;
import org.tandem.api.referral.ProviderRepository;
import org.tandem.security.internal.SecurityConfig;

/**
 * The platform's single consent decision point: records and revokes consents for the owning agency, and answers
 * {@link #activeConsent} for every disclosure and notification at the moment it happens (so revocation and
 * expiry take effect immediately). Time comes from an injectable {@link Clock}.
 */
@Component(service = ConsentService.class, configurationPid = "org.tandem.security")
public class ConsentServiceImpl implements ConsentService {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentServiceImpl.class);

    private final ConsentRepository consents;
    private final CaseRepository cases;
    private final ProviderRepository providers;
    private final EventAdmin events;
    private final Clock clock;
    private volatile int maxShareDays;

    @Activate
    public ConsentServiceImpl(@Reference(name = "consents") ConsentRepository consents,
            @Reference(name = "cases") CaseRepository cases, @Reference(name = "providers") ProviderRepository providers,
            @Reference(name = "events") EventAdmin events, SecurityConfig config) {
        this(consents, cases, providers, events, Clock.systemUTC(), config.consentMaxShareDays());
    }

    public ConsentServiceImpl(ConsentRepository consents, CaseRepository cases, ProviderRepository providers,
            EventAdmin events, Clock clock, int maxShareDays) {
        this.consents = Objects.requireNonNull(consents, "consents");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxShareDays = Math.max(1, maxShareDays);
    }

    @Modified
    void modified(SecurityConfig config) {
        maxShareDays = Math.max(1, config.consentMaxShareDays());
    }

    @Override
    public Consent record(Caller caller, NewConsent request) {
        Callers.require(caller, "record consent", Role.OFFICER, Role.ADVOCATE);
        Objects.requireNonNull(request, "consent");
        VictimCase victimCase = ownCase(caller, request.caseId());
        Instant now = clock.instant();
        List<FieldError> errors = ConsentRules.check(request, now, maxShareDays,
                id -> id != null && providers.find(id).isPresent());
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (victimCase.persons().stream().noneMatch(p -> p.id().equals(request.personId()))) {
            throw new NoSuchElementException("person " + request.personId() + " is not on case " + victimCase.id());
        }
        Instant granted = (request.grantedAt() == null ? now : request.grantedAt()).truncatedTo(ChronoUnit.MILLIS);
        Instant expires = request.expiresAt() == null ? null : request.expiresAt().truncatedTo(ChronoUnit.MILLIS);
        Consent consent = new Consent(Ids.newId(), victimCase.id(), request.personId(), request.scope(),
                request.recipient(), request.purpose().strip(), request.form(), granted, expires, null, caller.user(),
                null, null, request.items());
        consents.insert(consent);
        post(ConsentTopics.RECORDED, consent, caller, now);
        return consent;
    }

    @Override
    public Consent revoke(Caller caller, String consentId, String reason) {
        Callers.require(caller, "revoke consent", Role.OFFICER, Role.ADVOCATE, Role.SUPERVISOR);
        Consent consent = get(caller, consentId).orElseThrow(() -> new NoSuchElementException("no such consent"));
        if (reason != null && (reason.length() > ConsentRules.MAX_REASON || reason.chars().anyMatch(Character::isISOControl))) {
            throw new ValidationException("reason", "at most " + ConsentRules.MAX_REASON + " characters, one line");
        }
        if (consent.revokedAt() != null) {
            return consent;
        }
        Instant now = clock.instant();
        Consent revoked = consents.revoke(consent.id(), now.truncatedTo(ChronoUnit.MILLIS), caller.user(),
                reason == null || reason.isBlank() ? null : reason.strip())
                .orElseThrow(() -> new NoSuchElementException("no such consent"));
        if (caller.user().equals(revoked.revokedBy()) && now.truncatedTo(ChronoUnit.MILLIS).equals(revoked.revokedAt())) {
            post(ConsentTopics.REVOKED, revoked, caller, now);
        }
        return revoked;
    }

    @Override
    public Optional<Consent> get(Caller caller, String consentId) {
        Callers.require(caller, "read consents", Role.OFFICER, Role.ADVOCATE, Role.SUPERVISOR);
        if (!Ids.looksLikeId(consentId)) {
            return Optional.empty();
        }
        return consents.find(consentId)
                .filter(c -> cases.find(caller.agencyId(), c.caseId()).isPresent());
    }

    @Override
    public List<Consent> forCase(Caller caller, String caseId) {
        Callers.require(caller, "read consents", Role.OFFICER, Role.ADVOCATE, Role.SUPERVISOR);
        return consents.forCase(ownCase(caller, caseId).id());
    }

    @Override
    public Optional<Consent> activeConsent(String personId, ConsentScope scope, Recipient recipient) {
        if (personId == null || scope == null || recipient == null) {
            return Optional.empty();
        }
        return ConsentRules.active(consents.forPerson(personId), scope, recipient, clock.instant());
    }

    private VictimCase ownCase(Caller caller, String caseId) {
        if (!Ids.looksLikeId(caseId)) {
            throw new NoSuchElementException("no such case");
        }
        return cases.find(caller.agencyId(), caseId).filter(c -> caller.agencyId().equals(c.agencyId()))
                .orElseThrow(() -> new NoSuchElementException("no such case"));
    }

    /** After the change is committed; ids only. */
    private void post(String topic, Consent consent, Caller caller, Instant now) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsentTopics.PROP_CONSENT_ID, consent.id());
        props.put(TandemTopics.PROP_CASE_ID, consent.caseId());
        props.put(TandemTopics.PROP_AGENCY_ID, caller.agencyId());
        props.put(ConsentTopics.PROP_PERSON_ID, consent.personId());
        props.put(ConsentTopics.PROP_SCOPE, consent.scope().name());
        props.put(TandemTopics.PROP_USER, caller.user());
        props.put(TandemTopics.PROP_TIMESTAMP, now.toEpochMilli());
        try {
            events.postEvent(new Event(topic, props));
        } catch (RuntimeException e) {
            LOG.error("consent {} stored but {} could not be posted", consent.id(), topic, e);
        }
    }
}
