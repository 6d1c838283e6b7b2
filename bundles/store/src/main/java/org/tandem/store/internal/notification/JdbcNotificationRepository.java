package org.tandem.store.internal.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tandem.api.Page;
import org.tandem.api.cases.Channel;
import org.tandem.api.notification.AttemptOutcome;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationAttempt;
import org.tandem.api.notification.NotificationRepository;
import org.tandem.api.notification.NotificationState;
import org.tandem.api.notification.RecipientType;
import org.tandem.api.store.StoreInfo;
import org.tandem.store.internal.jdbc.Jdbc;
import org.tandem.store.internal.jdbc.StoreException;

/**
 * The notification outbox in plain JDBC. Claims are conditional updates ({@code WHERE lease free AND due}), so
 * exactly one dispatcher wins a record even with several nodes on one PostgreSQL database; every outcome is written
 * together with its history entry and any fallback record in one transaction.
 */
@Component(service = NotificationRepository.class)
public final class JdbcNotificationRepository implements NotificationRepository {

    static final String COLUMNS = "id, idempotency_key, agency_id, case_id, person_id, recipient_type, event_type,"
            + " event_id, channel, language, template, template_language, language_fallback, content_hash, state,"
            + " attempts, next_attempt_at, provider_message_id, reason, fallback_of, created_by, created_at,"
            + " updated_at, sent_at, delivered_at";
    private static final int MAX_PARAM = 4000;

    private final DataSource dataSource;

    /**
     * As a DS component: registered only once {@link StoreInfo} exists, i.e. after the schema (including this
     * table) is migrated.
     */
    @Activate
    public JdbcNotificationRepository(@Reference(name = "storeInfo") StoreInfo storeInfo,
            @Reference(name = "dataSource", target = "(dataSourceName=tandem)") DataSource dataSource) {
        this(dataSource);
    }

    public JdbcNotificationRepository(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public boolean insertIfAbsent(Notification n) {
        Objects.requireNonNull(n, "notification");
        try {
            return Jdbc.inTransaction(dataSource, "insert notification", c -> insert(c, n));
        } catch (StoreException e) {
            if (e.isDuplicateKey()) {
                return false;
            }
            throw e;
        }
    }

    /** Inserts unless the key exists (looked up first so the normal duplicate case raises no database error). */
    static boolean insert(Connection c, Notification n) throws SQLException {
        if (keyExists(c, n.idempotencyKey())) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO notification (" + COLUMNS
                + ", lease_until, claim_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, NULL, NULL)")) {
            int i = 1;
            ps.setString(i++, n.id());
            ps.setString(i++, n.idempotencyKey());
            ps.setString(i++, n.agencyId());
            ps.setString(i++, n.caseId());
            ps.setString(i++, n.personId());
            Jdbc.setEnum(ps, i++, n.recipientType());
            ps.setString(i++, n.eventType());
            ps.setString(i++, n.eventId());
            Jdbc.setEnum(ps, i++, n.channel());
            Jdbc.setString(ps, i++, n.language());
            ps.setString(i++, n.template());
            Jdbc.setString(ps, i++, n.templateLanguage());
            ps.setBoolean(i++, n.languageFallback());
            Jdbc.setString(ps, i++, n.contentHash());
            Jdbc.setEnum(ps, i++, n.state());
            ps.setInt(i++, n.attemptCount());
            Jdbc.setInstant(ps, i++, n.nextAttemptAt());
            Jdbc.setString(ps, i++, n.providerMessageId());
            Jdbc.setString(ps, i++, clip(n.reason(), 400));
            Jdbc.setString(ps, i++, n.fallbackOf());
            Jdbc.setString(ps, i++, n.createdBy());
            Jdbc.setInstant(ps, i++, n.createdAt());
            Jdbc.setInstant(ps, i++, n.updatedAt());
            Jdbc.setInstant(ps, i++, n.sentAt());
            Jdbc.setInstant(ps, i, n.deliveredAt());
            ps.executeUpdate();
        }
        List<Map.Entry<String, String>> params = new ArrayList<>(n.params().entrySet());
        Jdbc.batch(c, "INSERT INTO notification_param (notification_id, name, param_value) VALUES (?, ?, ?)", params,
                (ps, pos, e) -> {
                    ps.setString(1, n.id());
                    ps.setString(2, e.getKey());
                    Jdbc.setString(ps, 3, clip(e.getValue(), MAX_PARAM));
                });
        return true;
    }

    private static boolean keyExists(Connection c, String key) throws SQLException {
        return !Jdbc.query(c, "SELECT id FROM notification WHERE idempotency_key = ?", List.of(key), rs -> 1)
                .isEmpty();
    }

    @Override
    public Optional<Notification> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return Jdbc.withConnection(dataSource, "find notification", c -> {
            List<Notification> rows = Jdbc.query(c, "SELECT " + COLUMNS + " FROM notification WHERE id = ?",
                    List.of(id), JdbcNotificationRepository::map);
            return rows.isEmpty() ? Optional.empty() : Optional.of(withChildren(c, rows).get(0));
        });
    }

    @Override
    public Page<Notification> forCase(String agencyId, String caseId, int page, int size) {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(caseId, "caseId");
        if (page < 0 || size < 1 || size > Page.MAX_SIZE) {
            throw new IllegalArgumentException("page >= 0 and 1 <= size <= " + Page.MAX_SIZE);
        }
        return Jdbc.withConnection(dataSource, "list notifications of case", c -> {
            long total = Jdbc.query(c, "SELECT COUNT(*) FROM notification WHERE agency_id = ? AND case_id = ?",
                    List.of(agencyId, caseId), rs -> rs.getLong(1)).get(0);
            List<Notification> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM notification"
                    + " WHERE agency_id = ? AND case_id = ? ORDER BY created_at DESC, id"
                    + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                ps.setString(1, agencyId);
                ps.setString(2, caseId);
                ps.setLong(3, (long) page * size);
                ps.setInt(4, size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(map(rs));
                    }
                }
            }
            return new Page<>(withChildren(c, rows), page, size, total);
        });
    }

    @Override
    public List<Notification> due(Instant now, int limit) {
        return Jdbc.withConnection(dataSource, "find due notifications", c -> {
            List<Notification> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM notification"
                    + " WHERE state IN ('QUEUED', 'FAILED') AND next_attempt_at <= ?"
                    + " AND (lease_until IS NULL OR lease_until < ?)"
                    + " ORDER BY next_attempt_at, created_at, id OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY")) {
                Jdbc.setInstant(ps, 1, now);
                Jdbc.setInstant(ps, 2, now);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(map(rs));
                    }
                }
            }
            return withParams(c, rows);
        });
    }

    @Override
    public Optional<String> claim(String id, Instant now, Instant leaseUntil) {
        String token = UUID.randomUUID().toString().replace("-", "");
        int updated = Jdbc.withConnection(dataSource, "claim notification", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE notification SET lease_until = ?, claim_token = ?"
                    + " WHERE id = ? AND state IN ('QUEUED', 'FAILED') AND next_attempt_at <= ?"
                    + " AND (lease_until IS NULL OR lease_until < ?)")) {
                Jdbc.setInstant(ps, 1, leaseUntil);
                ps.setString(2, token);
                ps.setString(3, id);
                Jdbc.setInstant(ps, 4, now);
                Jdbc.setInstant(ps, 5, now);
                return ps.executeUpdate();
            }
        });
        return updated == 1 ? Optional.of(token) : Optional.empty();
    }

    @Override
    public boolean complete(String claimToken, Notification updated, NotificationAttempt entry,
            Notification followUp) {
        Objects.requireNonNull(claimToken, "claimToken");
        return write(updated, "claim_token = ?", List.of(claimToken), entry, followUp);
    }

    @Override
    public boolean transition(Notification updated, NotificationState expected, NotificationAttempt entry,
            Notification followUp) {
        Objects.requireNonNull(expected, "expected");
        return write(updated, "state = ? AND claim_token IS NULL", List.of(expected.name()), entry, followUp);
    }

    private boolean write(Notification n, String condition, List<String> conditionParams, NotificationAttempt entry,
            Notification followUp) {
        return Jdbc.inTransaction(dataSource, "update notification", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE notification SET state = ?, reason = ?,"
                    + " next_attempt_at = ?, attempts = ?, template_language = ?, language_fallback = ?,"
                    + " content_hash = ?, provider_message_id = ?, updated_at = ?, sent_at = ?, delivered_at = ?,"
                    + " lease_until = NULL, claim_token = NULL WHERE id = ? AND " + condition)) {
                int i = 1;
                Jdbc.setEnum(ps, i++, n.state());
                Jdbc.setString(ps, i++, clip(n.reason(), 400));
                Jdbc.setInstant(ps, i++, n.nextAttemptAt());
                ps.setInt(i++, n.attemptCount());
                Jdbc.setString(ps, i++, n.templateLanguage());
                ps.setBoolean(i++, n.languageFallback());
                Jdbc.setString(ps, i++, n.contentHash());
                Jdbc.setString(ps, i++, n.providerMessageId());
                Jdbc.setInstant(ps, i++, n.updatedAt());
                Jdbc.setInstant(ps, i++, n.sentAt());
                Jdbc.setInstant(ps, i++, n.deliveredAt());
                ps.setString(i++, n.id());
                for (String p : conditionParams) {
                    ps.setString(i++, p);
                }
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            if (entry != null) {
                appendEntry(c, n.id(), entry);
            }
            if (followUp != null) {
                insert(c, followUp);
            }
            return true;
        });
    }

    static void appendEntry(Connection c, String id, NotificationAttempt e) throws SQLException {
        int seq = Jdbc.query(c, "SELECT COALESCE(MAX(seq), 0) FROM notification_attempt WHERE notification_id = ?",
                List.of(id), rs -> rs.getInt(1)).get(0) + 1;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO notification_attempt (notification_id, seq,"
                + " attempted_at, channel, outcome, provider_message_id, detail, content_hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setInt(2, seq);
            Jdbc.setInstant(ps, 3, e.at());
            Jdbc.setEnum(ps, 4, e.channel());
            Jdbc.setEnum(ps, 5, e.outcome());
            Jdbc.setString(ps, 6, clip(e.providerMessageId(), 200));
            Jdbc.setString(ps, 7, clip(e.detail(), 1000));
            Jdbc.setString(ps, 8, e.contentHash());
            ps.executeUpdate();
        }
    }

    @Override
    public Optional<Notification> findByProviderMessageId(Channel channel, String providerMessageId) {
        if (channel == null || providerMessageId == null) {
            return Optional.empty();
        }
        return Jdbc.withConnection(dataSource, "find notification by provider id", c -> {
            List<Notification> rows = Jdbc.query(c, "SELECT " + COLUMNS + " FROM notification"
                    + " WHERE channel = ? AND provider_message_id = ? ORDER BY created_at DESC",
                    List.of(channel.name(), providerMessageId), JdbcNotificationRepository::map);
            return rows.isEmpty() ? Optional.empty() : Optional.of(withChildren(c, rows.subList(0, 1)).get(0));
        });
    }

    @Override
    public List<Notification> inStates(Set<NotificationState> states, int limit) {
        return inStates(null, states, limit);
    }

    /** With {@code agencyId} null: every agency (platform-internal callers only). */
    @Override
    public List<Notification> inStates(String agencyId, Set<NotificationState> states, int limit) {
        if (states.isEmpty()) {
            return List.of();
        }
        List<String> names = states.stream().map(Enum::name).sorted().toList();
        return Jdbc.withConnection(dataSource, "list notifications by state", c -> {
            List<Notification> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM notification WHERE state IN ("
                    + Jdbc.placeholders(names.size()) + ")" + (agencyId == null ? "" : " AND agency_id = ?")
                    + " ORDER BY created_at DESC, id OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY")) {
                int i = 1;
                for (String s : names) {
                    ps.setString(i++, s);
                }
                if (agencyId != null) {
                    ps.setString(i++, agencyId);
                }
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(map(rs));
                    }
                }
            }
            return withParams(c, rows);
        });
    }

    // ------------------------------------------------------------------ mapping

    private static Notification map(ResultSet rs) throws SQLException {
        String channel = rs.getString("channel");
        return new Notification(rs.getString("id"), rs.getString("idempotency_key"), rs.getString("agency_id"),
                rs.getString("case_id"), rs.getString("person_id"),
                RecipientType.valueOf(rs.getString("recipient_type")), rs.getString("event_type"),
                rs.getString("event_id"), channel == null ? null : Channel.valueOf(channel), rs.getString("language"),
                rs.getString("template"), rs.getString("template_language"), rs.getBoolean("language_fallback"),
                rs.getString("content_hash"), NotificationState.valueOf(rs.getString("state")),
                rs.getInt("attempts"), Jdbc.getInstant(rs, "next_attempt_at"), rs.getString("provider_message_id"),
                rs.getString("reason"), rs.getString("fallback_of"), rs.getString("created_by"),
                Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "updated_at"),
                Jdbc.getInstant(rs, "sent_at"), Jdbc.getInstant(rs, "delivered_at"), Map.of(), List.of());
    }

    private static List<Notification> withParams(Connection c, List<Notification> rows) throws SQLException {
        return attach(c, rows, false);
    }

    private static List<Notification> withChildren(Connection c, List<Notification> rows) throws SQLException {
        return attach(c, rows, true);
    }

    /** Params (and history) of a page of records with one query each, not one per record. */
    private static List<Notification> attach(Connection c, List<Notification> rows, boolean history)
            throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        List<String> ids = rows.stream().map(Notification::id).toList();
        String in = "(" + Jdbc.placeholders(ids.size()) + ")";
        Map<String, Map<String, String>> params = new HashMap<>();
        for (String[] p : Jdbc.query(c, "SELECT notification_id, name, param_value FROM notification_param"
                + " WHERE notification_id IN " + in + " ORDER BY notification_id, name", ids,
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})) {
            params.computeIfAbsent(p[0], k -> new LinkedHashMap<>()).put(p[1], p[2] == null ? "" : p[2]);
        }
        Map<String, List<NotificationAttempt>> entries = new HashMap<>();
        if (history) {
            for (Map.Entry<String, NotificationAttempt> e : Jdbc.query(c, "SELECT notification_id, seq,"
                    + " attempted_at, channel, outcome, provider_message_id, detail, content_hash"
                    + " FROM notification_attempt WHERE notification_id IN " + in + " ORDER BY notification_id, seq",
                    ids, JdbcNotificationRepository::entry)) {
                entries.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
            }
        }
        List<Notification> out = new ArrayList<>(rows.size());
        for (Notification n : rows) {
            Notification withParams = new Notification(n.id(), n.idempotencyKey(), n.agencyId(), n.caseId(),
                    n.personId(), n.recipientType(), n.eventType(), n.eventId(), n.channel(), n.language(),
                    n.template(), n.templateLanguage(), n.languageFallback(), n.contentHash(), n.state(),
                    n.attemptCount(), n.nextAttemptAt(), n.providerMessageId(), n.reason(), n.fallbackOf(),
                    n.createdBy(), n.createdAt(), n.updatedAt(), n.sentAt(), n.deliveredAt(),
                    params.getOrDefault(n.id(), Map.of()), entries.getOrDefault(n.id(), List.of()));
            out.add(withParams);
        }
        return out;
    }

    private static Map.Entry<String, NotificationAttempt> entry(ResultSet rs) throws SQLException {
        String channel = rs.getString("channel");
        return Map.entry(rs.getString("notification_id"), new NotificationAttempt(rs.getInt("seq"),
                Jdbc.getInstant(rs, "attempted_at"), channel == null ? null : Channel.valueOf(channel),
                AttemptOutcome.valueOf(rs.getString("outcome")), rs.getString("provider_message_id"),
                rs.getString("detail"), rs.getString("content_hash")));
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
