package org.tandem.store.internal.consent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.tandem.api.consent.Consent;
import org.tandem.api.consent.ConsentForm;
import org.tandem.api.consent.ConsentRepository;
import org.tandem.api.consent.ConsentScope;
import org.tandem.api.consent.DataItem;
import org.tandem.api.consent.Recipient;
import org.tandem.api.consent.RecipientKind;
import org.tandem.api.store.StoreInfo;
import org.tandem.store.internal.jdbc.Jdbc;

/**
 * Consents in plain JDBC. Append-only: the only update is the one-time revocation, guarded by
 * {@code revoked_at IS NULL} so a second revocation cannot overwrite the first. Registered only once the store is
 * migrated (it needs {@link StoreInfo}); the DataSource filter follows the store's {@code dataSource.target}.
 */
@Component(service = ConsentRepository.class, configurationPid = "org.tandem.store",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class JdbcConsentRepository implements ConsentRepository {

    private static final String COLUMNS = "id, case_id, person_id, scope, recipient_kind, recipient_id, purpose, form,"
            + " items, granted_at, expires_at, revoked_at, recorded_by, revoked_by, revocation_reason";

    private final DataSource dataSource;

    @Activate
    public JdbcConsentRepository(@Reference(name = "dataSource", target = "(dataSourceName=tandem)") DataSource dataSource,
            @Reference(name = "storeInfo") StoreInfo ready) {
        this(dataSource);
    }

    public JdbcConsentRepository(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void insert(Consent consent) {
        Objects.requireNonNull(consent, "consent");
        Jdbc.inTransaction(dataSource, "insert consent", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO consent (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Jdbc.setString(ps, 1, consent.id());
                Jdbc.setString(ps, 2, consent.caseId());
                Jdbc.setString(ps, 3, consent.personId());
                Jdbc.setEnum(ps, 4, consent.scope());
                Jdbc.setEnum(ps, 5, consent.recipient().kind());
                Jdbc.setString(ps, 6, consent.recipient().id());
                Jdbc.setString(ps, 7, consent.purpose());
                Jdbc.setEnum(ps, 8, consent.form());
                Jdbc.setString(ps, 9, items(consent.items()));
                Jdbc.setInstant(ps, 10, consent.grantedAt());
                Jdbc.setInstant(ps, 11, consent.expiresAt());
                Jdbc.setInstant(ps, 12, consent.revokedAt());
                Jdbc.setString(ps, 13, consent.recordedBy());
                Jdbc.setString(ps, 14, consent.revokedBy());
                Jdbc.setString(ps, 15, consent.revocationReason());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Consent> find(String consentId) {
        if (consentId == null) {
            return Optional.empty();
        }
        return Jdbc.withConnection(dataSource, "find consent", c -> find(c, consentId));
    }

    @Override
    public List<Consent> forCase(String caseId) {
        return list("case_id", caseId);
    }

    @Override
    public List<Consent> forPerson(String personId) {
        return list("person_id", personId);
    }

    private List<Consent> list(String column, String value) {
        if (value == null) {
            return List.of();
        }
        return Jdbc.withConnection(dataSource, "list consents", c -> Jdbc.query(c, "SELECT " + COLUMNS
                + " FROM consent WHERE " + column + " = ? ORDER BY granted_at DESC, id", List.of(value),
                JdbcConsentRepository::map));
    }

    @Override
    public Optional<Consent> revoke(String consentId, Instant at, String by, String reason) {
        Objects.requireNonNull(at, "at");
        if (consentId == null) {
            return Optional.empty();
        }
        return Jdbc.inTransaction(dataSource, "revoke consent", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE consent SET revoked_at = ?, revoked_by = ?,"
                    + " revocation_reason = ? WHERE id = ? AND revoked_at IS NULL")) {
                Jdbc.setInstant(ps, 1, at);
                Jdbc.setString(ps, 2, by);
                Jdbc.setString(ps, 3, reason);
                Jdbc.setString(ps, 4, consentId);
                ps.executeUpdate();
            }
            return find(c, consentId);
        });
    }

    private static Optional<Consent> find(Connection c, String id) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM consent WHERE id = ?", List.of(id),
                JdbcConsentRepository::map).stream().findFirst();
    }

    private static String items(Set<DataItem> items) {
        return items.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Set<DataItem> items(String stored) {
        if (stored == null || stored.isBlank()) {
            return Set.of();
        }
        EnumSet<DataItem> out = EnumSet.noneOf(DataItem.class);
        Arrays.stream(stored.split(",")).map(String::strip).map(DataItem::valueOf).forEach(out::add);
        return out;
    }

    private static Consent map(ResultSet rs) throws SQLException {
        RecipientKind kind = RecipientKind.valueOf(rs.getString("recipient_kind"));
        Recipient recipient = kind == RecipientKind.ANY ? Recipient.ANY : new Recipient(kind, rs.getString("recipient_id"));
        return new Consent(rs.getString("id"), rs.getString("case_id"), rs.getString("person_id"),
                ConsentScope.valueOf(rs.getString("scope")), recipient, rs.getString("purpose"),
                ConsentForm.valueOf(rs.getString("form")), Jdbc.getInstant(rs, "granted_at"),
                Jdbc.getInstant(rs, "expires_at"), Jdbc.getInstant(rs, "revoked_at"), rs.getString("recorded_by"),
                rs.getString("revoked_by"), rs.getString("revocation_reason"), items(rs.getString("items")));
    }
}
