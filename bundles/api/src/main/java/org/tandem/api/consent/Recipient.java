package org.tandem.api.consent;

import java.util.Objects;

/** The receiving side of a consent; {@code id} is null for {@link RecipientKind#ANY}. */
public record Recipient(RecipientKind kind, String id) {

    public static final Recipient ANY = new Recipient(RecipientKind.ANY, null);

    public Recipient {
        Objects.requireNonNull(kind, "kind");
        if (kind == RecipientKind.ANY && id != null) {
            throw new IllegalArgumentException("ANY recipient has no id");
        }
        if (kind != RecipientKind.ANY && (id == null || id.isBlank())) {
            throw new IllegalArgumentException(kind + " recipient needs an id");
        }
    }

    public static Recipient provider(String providerId) {
        return new Recipient(RecipientKind.PROVIDER, providerId);
    }

    public static Recipient agency(String agencyId) {
        return new Recipient(RecipientKind.AGENCY, agencyId);
    }

    /** True if a consent given to this recipient covers a disclosure to {@code target}. */
    public boolean covers(Recipient target) {
        return kind == RecipientKind.ANY || equals(target);
    }
}
