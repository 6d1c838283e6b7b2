package org.tandem.referral.internal.referral;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.FieldError;
import org.tandem.api.Ids;
import org.tandem.api.Page;
import org.tandem.api.Role;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.CaseRepository;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.consent.Consent;
import org.tandem.api.consent.ConsentScope;
import org.tandem.api.consent.ConsentService;
import org.tandem.api.consent.Disclosure;
import org.tandem.api.consent.DisclosureGate;
import org.tandem.api.consent.ConsentState;
import org.tandem.api.consent.Recipient;
import org.tandem.api.referral.ConsentRequiredException;
import org.tandem.api.referral.NewReferral;
import org.tandem.api.referral.Provider;
import org.tandem.api.referral.ProviderRepository;
import org.tandem.api.referral.Referral;
import org.tandem.api.referral.ReferralConflictException;
import org.tandem.api.referral.ReferralFilter;
import org.tandem.api.referral.ReferralQuery;
import org.tandem.api.referral.ReferralRepository;
import org.tandem.api.referral.ReferralService;
import org.tandem.api.referral.ReferralSide;
import org.tandem.api.referral.ReferralStatus;
import org.tandem.api.referral.ReferralEvents;
import org.tandem.api.referral.ReferralTopics;
import org.tandem.api.referral.ReferralTransition;
import org.tandem.api.referral.ReferralView;
import org.tandem.api.referral.Urgency;
import org.tandem.referral.internal.ReferralConfig;
import org.tandem.referral.internal.view.ConsentLimitedView;
import org.tandem.referral.internal.view.ReferrerView;

/**
 * Closed-loop referrals: tenancy (the referring agency owns the referral through its case, the agency linked to the
 * provider receives it, nobody else sees it), consent (asked of {@link ConsentService} when creating, sending and at
 * every provider-side read), the {@link Lifecycle}, history and events after commit.
 */
@Component(service = ReferralService.class, configurationPid = ReferralConfig.PID)
@Designate(ocd = ReferralConfig.class)
public class ReferralServiceImpl implements ReferralService {

    private static final Logger LOG = LoggerFactory.getLogger(ReferralServiceImpl.class);
    static final int MAX_NOTE = 2000;
    static final int MAX_REASON = 1000;
    private static final int SCAN_PAGE = Page.MAX_SIZE;

    private final ReferralRepository referrals;
    private final ProviderRepository providers;
    private final CaseRepository cases;
    private final ConsentService consents;
    private final DisclosureGate gate;
    private final EventAdmin events;
    private final Clock clock;
    private volatile BusinessDays businessDays;
    private volatile int maxPageSize;

    @Activate
    public ReferralServiceImpl(@Reference(name = "referrals") ReferralRepository referrals,
            @Reference(name = "providers") ProviderRepository providers, @Reference(name = "cases") CaseRepository cases,
            @Reference(name = "consents") ConsentService consents, @Reference(name = "gate") DisclosureGate gate,
            @Reference(name = "events") EventAdmin events,
            ReferralConfig config) {
        this(referrals, providers, cases, consents, gate, events, Clock.systemUTC());
        modified(config);
    }

    public ReferralServiceImpl(ReferralRepository referrals, ProviderRepository providers, CaseRepository cases,
            ConsentService consents, DisclosureGate gate, EventAdmin events, Clock clock) {
        this.referrals = Objects.requireNonNull(referrals, "referrals");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.consents = Objects.requireNonNull(consents, "consents");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        configure(3, ZoneId.of("America/Chicago"), Page.MAX_SIZE);
    }

    @Modified
    void modified(ReferralConfig config) {
        ZoneId zone;
        try {
            zone = ZoneId.of(config.businessTimeZone());
        } catch (DateTimeException e) {
            LOG.warn("businessTimeZone {} is not a time zone id; using UTC", config.businessTimeZone());
            zone = ZoneId.of("UTC");
        }
        configure(config.overdueBusinessDays(), zone, config.maxPageSize());
    }

    /** For tests and configuration: overdue after {@code days} business days in {@code zone}. */
    public void configure(int days, ZoneId zone, int pageLimit) {
        this.businessDays = new BusinessDays(Math.max(0, days), zone);
        this.maxPageSize = Math.min(Page.MAX_SIZE, Math.max(1, pageLimit));
    }

    // ------------------------------------------------------------------ create

    @Override
    public ReferralView create(Caller caller, NewReferral request) {
        requireRole(caller, "refer", Role.OFFICER, Role.ADVOCATE);
        Objects.requireNonNull(request, "referral");
        List<FieldError> errors = new ArrayList<>();
        required(errors, "caseId", request.caseId());
        required(errors, "personId", request.personId());
        required(errors, "providerId", request.providerId());
        if (request.services().isEmpty()) {
            errors.add(new FieldError("services", "at least one service is required"));
        } else if (new LinkedHashSet<>(request.services()).size() != request.services().size()) {
            errors.add(new FieldError("services", "must not repeat a service"));
        }
        text(errors, "note", request.note(), MAX_NOTE, true);
        throwIfAny(errors);

        VictimCase victimCase = ownCase(caller, request.caseId());
        Optional<Person> person = victimCase.persons().stream().filter(p -> p.id().equals(request.personId()))
                .findFirst();
        if (person.isEmpty()) {
            errors.add(new FieldError("personId", "not a person on case " + victimCase.id()));
        }
        Optional<Provider> provider = providers.find(request.providerId());
        if (provider.isEmpty()) {
            errors.add(new FieldError("providerId", "no such provider in the directory"));
        } else {
            for (int i = 0; i < request.services().size(); i++) {
                ServiceCategory s = request.services().get(i);
                if (s == null) {
                    errors.add(new FieldError("services[" + i + "]", "required"));
                } else if (!provider.get().offers(s)) {
                    errors.add(new FieldError("services[" + i + "]", provider.get().name() + " does not offer " + s));
                }
            }
        }
        throwIfAny(errors);
        if (!provider.get().acceptingReferrals()) {
            throw new ReferralConflictException(provider.get().name() + " (" + provider.get().id()
                    + ") is not accepting referrals now; choose another provider");
        }
        // a draft discloses nothing yet; a referral sent now does (through the disclosure gate)
        Consent consent = requireConsent(caller, victimCase.id(), request.personId(), request.providerId(),
                request.send());

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<ReferralTransition> history = new ArrayList<>();
        history.add(new ReferralTransition(null, ReferralStatus.DRAFT, now, caller.user(), caller.agencyId(), null));
        if (request.send()) {
            history.add(new ReferralTransition(ReferralStatus.DRAFT, ReferralStatus.SENT, now, caller.user(),
                    caller.agencyId(), null));
        }
        Referral referral = new Referral(Ids.newId(), victimCase.id(), caller.agencyId(), request.personId(),
                request.providerId(), request.services(), request.urgency() == null ? Urgency.ROUTINE : request.urgency(),
                blankToNull(request.note()), request.send() ? ReferralStatus.SENT : ReferralStatus.DRAFT, consent.id(),
                caller.user(), now, now, request.send() ? now : null, 0, history);
        referrals.insert(referral);
        history.forEach(step -> post(referral, provider.get(), step));
        return ReferrerView.of(referral, provider.get(), false, true);
    }

    /** The active SHARE_WITH_PROVIDER consent, or a conflict saying exactly which consent is missing and why. */
    private Consent requireConsent(Caller caller, String caseId, String personId, String providerId,
            boolean disclosing) {
        Recipient recipient = Recipient.provider(providerId);
        Optional<Consent> active = disclosing
                ? gate.disclose(new Disclosure(caseId, caller.agencyId(), personId, ConsentScope.SHARE_WITH_PROVIDER,
                        recipient, "referral sent to the provider", caller.user(), caller.agencyId()))
                : gate.coveringConsent(personId, ConsentScope.SHARE_WITH_PROVIDER, recipient);
        if (active.isPresent()) {
            return active.get();
        }
        Instant now = clock.instant();
        Optional<Consent> last = consents.forCase(caller, caseId).stream()
                .filter(c -> c.personId().equals(personId) && c.scope() == ConsentScope.SHARE_WITH_PROVIDER
                        && c.recipient().covers(recipient))
                .max(Comparator.comparing(Consent::grantedAt).thenComparing(ReferralServiceImpl::endOf));
        String reason = last.map(c -> switch (c.stateAt(now)) {
            case REVOKED -> "the last one (" + c.id() + ") was revoked at " + c.revokedAt();
            case EXPIRED -> "the last one (" + c.id() + ") expired at " + c.expiresAt();
            case PENDING -> "the last one (" + c.id() + ") is only granted from " + c.grantedAt();
            case ACTIVE -> "the last one (" + c.id() + ") is not active";
        }).orElse("none was ever recorded");
        throw new ConsentRequiredException(caseId, personId, ConsentScope.SHARE_WITH_PROVIDER, recipient, reason,
                last.filter(c -> c.stateAt(now) != ConsentState.ACTIVE).map(Consent::id).orElse(null));
    }

    /** When a consent stopped (or will stop) counting: its revocation or its expiry, whichever comes first. */
    private static Instant endOf(Consent c) {
        Instant end = c.expiresAt() == null ? Instant.MAX : c.expiresAt();
        return c.revokedAt() != null && c.revokedAt().isBefore(end) ? c.revokedAt() : end;
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public ReferralView changeStatus(Caller caller, String referralId, ReferralStatus to, String reason) {
        requireRole(caller, "change referrals", Role.OFFICER, Role.ADVOCATE, Role.SUPERVISOR);
        Referral referral = find(referralId).orElseThrow(() -> new NoSuchElementException("no such referral"));
        Provider provider = providers.find(referral.providerId()).orElse(null);
        Set<ReferralSide> sides = sides(caller, referral, provider);
        if (sides.isEmpty()) {
            throw new NoSuchElementException("no such referral");
        }
        List<FieldError> errors = new ArrayList<>();
        if (to == null) {
            errors.add(new FieldError("status", "required"));
        }
        text(errors, "reason", reason, MAX_REASON, false);
        if (to != null && to.needsReason() && (reason == null || reason.isBlank())) {
            errors.add(new FieldError("reason", "required to move a referral to " + to));
        }
        throwIfAny(errors);

        Set<ReferralSide> allowed = Lifecycle.sidesFor(referral.status(), to);
        if (allowed.stream().noneMatch(sides::contains)) {
            throw new AccessDeniedException("only the " + (allowed.contains(ReferralSide.PROVIDER)
                    ? "receiving provider" : "referring agency") + " may move a referral from " + referral.status()
                    + " to " + to);
        }
        if (to == ReferralStatus.SENT) {
            requireConsent(caller, referral.caseId(), referral.personId(), referral.providerId(), true);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ReferralTransition step = new ReferralTransition(referral.status(), to, now, caller.user(), caller.agencyId(),
                blankToNull(reason));
        Referral changed = referrals.transition(referral.id(), referral.version(), step)
                .orElseThrow(() -> new ReferralConflictException("The referral was changed by someone else meanwhile;"
                        + " reload it and try again"));
        post(changed, provider, step);
        return view(caller, changed, provider, new HashMap<>(), clock.instant());
    }

    // ------------------------------------------------------------------ reads

    @Override
    public Optional<ReferralView> get(Caller caller, String referralId) {
        requireRole(caller, "read referrals", Role.OFFICER, Role.ADVOCATE, Role.SUPERVISOR);
        Optional<Referral> referral = find(referralId);
        if (referral.isEmpty()) {
            return Optional.empty();
        }
        Provider provider = providers.find(referral.get().providerId()).orElse(null);
        if (sides(caller, referral.get(), provider).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(view(caller, referral.get(), provider, new HashMap<>(), clock.instant()));
    }

    @Override
    public Page<ReferralView> list(Caller caller, ReferralFilter filter) {
        requireRole(caller, "list referrals", Role.OFFICER, Role.ADVOCATE, Role.SUPERVISOR);
        checkPage(filter.page(), filter.size());
        Instant now = clock.instant();
        Page<Referral> page;
        if (filter.overdueOnly()) {
            if (filter.status() != null && filter.status() != ReferralStatus.SENT) {
                return new Page<>(List.of(), filter.page(), filter.size(), 0);
            }
            List<Referral> all = overdueReferrals(caller.agencyId(), filter.providerId(), now, Integer.MAX_VALUE);
            long from = (long) filter.page() * filter.size();
            List<Referral> items = from >= all.size() ? List.of()
                    : all.subList((int) from, (int) Math.min(all.size(), from + filter.size()));
            page = new Page<>(items, filter.page(), filter.size(), all.size());
        } else {
            page = referrals.search(new ReferralQuery(caller.agencyId(), filter.status(), blankToNull(filter.providerId()),
                    null, null, filter.page(), filter.size()));
        }
        Map<String, Provider> known = new HashMap<>();
        Map<String, VictimCase> caseCache = new HashMap<>();
        return page.map(r -> view(caller, r, provider(r.providerId(), known), caseCache, now));
    }

    @Override
    public Page<ReferralView> forCase(Caller caller, String caseId, int page, int size) {
        requireRole(caller, "read referrals", Role.OFFICER, Role.ADVOCATE, Role.SUPERVISOR);
        checkPage(page, size);
        VictimCase victimCase = ownCase(caller, caseId);
        Instant now = clock.instant();
        Map<String, Provider> known = new HashMap<>();
        return referrals.search(new ReferralQuery(caller.agencyId(), null, null, victimCase.id(), null, page, size))
                .map(r -> ReferrerView.of(r, provider(r.providerId(), known), businessDays.overdue(r, now),
                        consentActive(r)));
    }

    @Override
    public List<ReferralView> all(ReferralStatus status, boolean overdueOnly, int limit) {
        Instant now = clock.instant();
        Map<String, Provider> known = new HashMap<>();
        List<Referral> found;
        if (overdueOnly) {
            found = status != null && status != ReferralStatus.SENT ? List.of()
                    : overdueReferrals(null, null, now, limit);
        } else {
            found = referrals.search(new ReferralQuery(null, status, null, null, null, 0,
                    Math.max(1, Math.min(limit, Page.MAX_SIZE)))).items();
        }
        return found.stream().map(r -> ReferrerView.withoutText(r, provider(r.providerId(), known),
                businessDays.overdue(r, now))).toList();
    }

    /** SENT referrals past their business-day deadline, longest waiting first. */
    private List<Referral> overdueReferrals(String agencyId, String providerId, Instant now, int limit) {
        BusinessDays policy = businessDays;
        Instant before = policy.candidatesSentBefore(now);
        List<Referral> out = new ArrayList<>();
        for (int p = 0;; p++) {
            Page<Referral> candidates = referrals.search(new ReferralQuery(agencyId, ReferralStatus.SENT,
                    blankToNull(providerId), null, before, p, SCAN_PAGE));
            for (Referral r : candidates.items()) {
                if (policy.overdue(r, now)) {
                    out.add(r);
                    if (out.size() >= limit) {
                        return out;
                    }
                }
            }
            if ((long) (p + 1) * SCAN_PAGE >= candidates.total()) {
                return out;
            }
        }
    }

    /** The view for the caller's side: the referring agency sees its referral, the provider only what consent allows. */
    private ReferralView view(Caller caller, Referral r, Provider provider, Map<String, VictimCase> caseCache,
            Instant now) {
        boolean overdue = businessDays.overdue(r, now);
        if (caller.agencyId().equals(r.agencyId())) {
            return ReferrerView.of(r, provider, overdue, consentActive(r));
        }
        Optional<Consent> consent = gate.disclose(new Disclosure(r.caseId(), r.agencyId(), r.personId(),
                ConsentScope.SHARE_WITH_PROVIDER, Recipient.provider(r.providerId()), "referral read by the provider",
                caller.user(), caller.agencyId()));
        Person person = null;
        if (consent.isPresent()) {
            // the referring agency's case is read on the provider's behalf only to cut out the consented fields
            VictimCase victimCase = caseCache.computeIfAbsent(r.caseId(),
                    id -> cases.find(r.agencyId(), id).orElse(null));
            person = victimCase == null ? null : victimCase.persons().stream()
                    .filter(p -> p.id().equals(r.personId())).findFirst().orElse(null);
        }
        return ConsentLimitedView.of(r, provider, person, consent, now, overdue);
    }

    private boolean consentActive(Referral r) {
        return gate.coveringConsent(r.personId(), ConsentScope.SHARE_WITH_PROVIDER, Recipient.provider(r.providerId()))
                .isPresent();
    }

    private static Set<ReferralSide> sides(Caller caller, Referral r, Provider provider) {
        Set<ReferralSide> sides = EnumSet.noneOf(ReferralSide.class);
        if (caller.agencyId().equals(r.agencyId())) {
            sides.add(ReferralSide.REFERRER);
        }
        // the provider's agency gets a referral once it is sent: a draft is the referring agency's own business
        if (r.sentAt() != null && provider != null && caller.agencyId().equals(provider.agencyId())) {
            sides.add(ReferralSide.PROVIDER);
        }
        return sides;
    }

    private Optional<Referral> find(String id) {
        return Ids.looksLikeId(id) ? referrals.find(id) : Optional.empty();
    }

    private Provider provider(String id, Map<String, Provider> known) {
        return known.computeIfAbsent(id, k -> providers.find(k).orElse(null));
    }

    private VictimCase ownCase(Caller caller, String caseId) {
        if (!Ids.looksLikeId(caseId)) {
            throw new NoSuchElementException("no such case");
        }
        return cases.find(caller.agencyId(), caseId).filter(c -> caller.agencyId().equals(c.agencyId()))
                .orElseThrow(() -> new NoSuchElementException("no such case"));
    }

    // ------------------------------------------------------------------ events

    /** After the change is committed: ids and statuses only. */
    private void post(Referral r, Provider provider, ReferralTransition step) {
        Map<String, Object> props = ReferralEvents.statusChanged(r,
                provider == null ? null : provider.agencyId(), step);
        try {
            events.postEvent(new Event(ReferralTopics.STATUS_CHANGED, props));
        } catch (RuntimeException e) {
            LOG.error("referral {} stored as {} but {} could not be posted", r.id(), step.to(),
                    ReferralTopics.STATUS_CHANGED, e);
        }
    }

    // ------------------------------------------------------------------ checks

    private void checkPage(int page, int size) {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or greater"));
        }
        if (size < 1 || size > maxPageSize) {
            errors.add(new FieldError("size", "must be between 1 and " + maxPageSize));
        }
        if (errors.isEmpty() && (long) page * size > Integer.MAX_VALUE) {
            errors.add(new FieldError("page", "is too large"));
        }
        throwIfAny(errors);
    }

    static void requireRole(Caller caller, String action, Role... roles) {
        if (caller == null) {
            throw new AccessDeniedException("not authenticated");
        }
        if (!caller.hasAnyRole(roles)) {
            StringBuilder names = new StringBuilder();
            for (int i = 0; i < roles.length; i++) {
                names.append(i == 0 ? "" : i == roles.length - 1 ? " or " : ", ").append(roles[i].id());
            }
            throw new AccessDeniedException("role " + names + " required to " + action);
        }
        if (!caller.hasAgency()) {
            throw new AccessDeniedException("account has no agency");
        }
    }

    private static void required(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "required"));
        }
    }

    private static void text(List<FieldError> errors, String field, String value, int max, boolean multiLine) {
        if (value != null && (value.length() > max || value.chars().anyMatch(ch -> Character.isISOControl(ch)
                && !(multiLine && (ch == '\n' || ch == '\r' || ch == '\t'))))) {
            errors.add(new FieldError(field, "at most " + max + " characters" + (multiLine
                    ? ", no control characters other than line breaks and tabs" : " on one line")));
        }
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
