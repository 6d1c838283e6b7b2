package org.tandem.security.internal.consent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.tandem.api.FieldError;
import org.tandem.api.consent.Consent;
import org.tandem.api.consent.ConsentScope;
import org.tandem.api.consent.NewConsent;
import org.tandem.api.consent.Recipient;
import org.tandem.api.consent.RecipientKind;

/**
 * The consent rules as pure functions of their inputs and an instant, so every rule can be tested at any
 * clock: what a valid new consent is, and which recorded consent (if any) allows a disclosure now.
 */
final class ConsentRules {

    static final int MAX_PURPOSE = 500;
    static final int MAX_REASON = 500;
    /** Clocks of the devices consent is recorded on are not perfect. */
    static final Duration GRANT_SKEW = Duration.ofMinutes(5);

    private ConsentRules() {
    }

    /**
     * Every rule a new consent breaks (the case and person were checked before).
     *
     * @param providerExists whether a provider id is in the directory
     */
    static List<FieldError> check(NewConsent c, Instant now, int maxShareDays, Predicate<String> providerExists) {
        List<FieldError> errors = new ArrayList<>();
        if (c.personId() == null || c.personId().isBlank()) {
            errors.add(new FieldError("personId", "required"));
        }
        if (c.scope() == null) {
            errors.add(new FieldError("scope", "required"));
        }
        if (c.form() == null) {
            errors.add(new FieldError("form", "required"));
        }
        if (c.purpose() == null || c.purpose().isBlank()) {
            errors.add(new FieldError("purpose", "required: what the person agreed to, in their words or the form's"));
        } else if (c.purpose().length() > MAX_PURPOSE || hasControl(c.purpose())) {
            errors.add(new FieldError("purpose", "at most " + MAX_PURPOSE + " characters, no control characters"));
        }
        checkRecipient(c, providerExists, errors);
        Instant granted = c.grantedAt() == null ? now : c.grantedAt();
        if (c.grantedAt() != null && c.grantedAt().isAfter(now.plus(GRANT_SKEW))) {
            errors.add(new FieldError("grantedAt", "must not be in the future"));
        }
        boolean sharing = c.scope() == ConsentScope.SHARE_WITH_PROVIDER || c.scope() == ConsentScope.SHARE_WITH_STATE;
        if (sharing && c.expiresAt() == null) {
            errors.add(new FieldError("expiresAt", "required for " + c.scope()
                    + ": consent to share personal data must be time-limited"));
        }
        if (c.expiresAt() != null) {
            if (!c.expiresAt().isAfter(granted) || !c.expiresAt().isAfter(now)) {
                errors.add(new FieldError("expiresAt", "must be after grantedAt and in the future"));
            } else if (sharing && c.expiresAt().isAfter(granted.plus(Duration.ofDays(maxShareDays)))) {
                errors.add(new FieldError("expiresAt", "a sharing consent may last at most " + maxShareDays
                        + " days from its grant"));
            }
        }
        if (c.items() != null) {
            if (c.scope() == ConsentScope.NOTIFY && !c.items().isEmpty()) {
                errors.add(new FieldError("items", "only sharing consents list data items"));
            } else if (sharing && c.items().isEmpty()) {
                errors.add(new FieldError("items", "a sharing consent covers at least one item (or omit items for"
                        + " NAME, LANGUAGE and CONTACT)"));
            }
        }
        return errors;
    }

    private static void checkRecipient(NewConsent c, Predicate<String> providerExists, List<FieldError> errors) {
        Recipient r = c.recipient();
        if (r == null) {
            errors.add(new FieldError("recipient", "required"));
            return;
        }
        if (c.scope() == ConsentScope.SHARE_WITH_PROVIDER) {
            if (r.kind() != RecipientKind.PROVIDER) {
                errors.add(new FieldError("recipient.kind", "must be PROVIDER for SHARE_WITH_PROVIDER"));
            } else if (!providerExists.test(r.id())) {
                errors.add(new FieldError("recipient.id", "no such provider in the directory"));
            }
        } else if (c.scope() == ConsentScope.SHARE_WITH_STATE && r.kind() != RecipientKind.AGENCY) {
            errors.add(new FieldError("recipient.kind", "must be AGENCY (the state program) for SHARE_WITH_STATE"));
        }
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\t' && ch != '\r');
    }

    /**
     * The consent among {@code recorded} that allows {@code scope} towards {@code target} at {@code now}: active
     * then, same scope, recipient covering the target. When several do, the one that lasts longest (no expiry
     * first), then the newest grant.
     */
    static Optional<Consent> active(List<Consent> recorded, ConsentScope scope, Recipient target, Instant now) {
        return recorded.stream()
                .filter(c -> c.scope() == scope && c.recipient().covers(target) && c.activeAt(now))
                .max(Comparator.comparing((Consent c) -> c.expiresAt() == null ? Instant.MAX : c.expiresAt())
                        .thenComparing(Consent::grantedAt));
    }
}
