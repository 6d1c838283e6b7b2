package org.tandem.referral.internal.view;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.tandem.api.cases.ContactPreferences;
import org.tandem.api.cases.Person;
import org.tandem.api.consent.Consent;
import org.tandem.api.consent.ConsentScope;
import org.tandem.api.consent.DataItem;
import org.tandem.api.consent.Recipient;
import org.tandem.api.referral.Provider;
import org.tandem.api.referral.Referral;
import org.tandem.api.referral.ReferralSide;
import org.tandem.api.referral.ReferralTransition;
import org.tandem.api.referral.ReferralView;
import org.tandem.api.referral.SharedPerson;

/**
 * THE place where a referral is cut down to what its receiving provider may see. Every provider-side read (REST,
 * console, anything else in this bundle) goes through {@link #of}; nothing else builds a provider view.
 * <p>
 * Rules:
 * <ul>
 * <li>never: the case id, the person id, the case narrative, other persons on the case, incident details;</li>
 * <li>only with a SHARE_WITH_PROVIDER consent of this person, for this provider, active at {@code now}: the
 * referral note, the reasons written in its history, and the person's fields the consent's items cover (NAME:
 * given and family name; LANGUAGE; CONTACT: contact details and rules, or only the alternate contact when the
 * person is not safe to contact directly; BIRTH_DATE), plus role and relationship;</li>
 * <li>without one (revoked, expired, never given): the shell only, marked {@code consentRevoked}.</li>
 * </ul>
 */
public final class ConsentLimitedView {

    private ConsentLimitedView() {
    }

    /**
     * @param person  the referred person as stored on the case (may be null when the consent is not active: it is
     *                then not needed and should not have been loaded)
     * @param consent what the {@code DisclosureGate} answered for (person, SHARE_WITH_PROVIDER, provider)
     */
    public static ReferralView of(Referral referral, Provider provider, Person person, Optional<Consent> consent,
            Instant now, boolean overdue) {
        Consent valid = consent.filter(c -> covers(c, referral, now)).orElse(null);
        boolean shared = valid != null && person != null && person.id().equals(referral.personId());
        SharedPerson sharedPerson = shared ? limit(person, valid.items()) : null;
        List<ReferralTransition> history = shared ? referral.history()
                : referral.history().stream().map(t -> new ReferralTransition(t.from(), t.to(), t.at(), t.by(),
                        t.agencyId(), null)).toList();
        return new ReferralView(referral.id(), ReferralSide.PROVIDER, null, null, referral.agencyId(),
                referral.providerId(), provider == null ? null : provider.name(), referral.services(),
                referral.urgency(), shared ? referral.note() : null, referral.status(), referral.createdBy(),
                referral.createdAt(), referral.updatedAt(), referral.sentAt(), overdue, history, !shared,
                shared ? valid.expiresAt() : null, shared ? valid.items() : Set.of(), sharedPerson);
    }

    /** Defence in depth: the consent handed in must really be the one that allows this disclosure now. */
    private static boolean covers(Consent c, Referral referral, Instant now) {
        return c.scope() == ConsentScope.SHARE_WITH_PROVIDER && c.personId().equals(referral.personId())
                && c.recipient().covers(Recipient.provider(referral.providerId())) && c.activeAt(now);
    }

    private static SharedPerson limit(Person p, Set<DataItem> items) {
        boolean name = items.contains(DataItem.NAME);
        return new SharedPerson(p.role(), p.relationship(), name ? p.givenName() : null, name ? p.familyName() : null,
                items.contains(DataItem.BIRTH_DATE) ? p.birthDate() : null,
                items.contains(DataItem.LANGUAGE) ? p.language() : null,
                items.contains(DataItem.CONTACT) ? contact(p.contact()) : null);
    }

    /** A person who is not safe to contact directly is reached only through the alternate contact. */
    private static ContactPreferences contact(ContactPreferences c) {
        if (c == null) {
            return null;
        }
        if (!c.safeToContact()) {
            return new ContactPreferences(null, null, List.of(), null, c.noVoicemail(), false, c.alternateContact());
        }
        return c;
    }
}
