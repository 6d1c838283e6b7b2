package org.tandem.store.internal.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tandem.api.cases.Channel;
import org.tandem.api.notification.ConfirmationCode;
import org.tandem.api.notification.ConfirmationKind;
import org.tandem.api.notification.ConfirmationRepository;
import org.tandem.api.notification.Notice;
import org.tandem.api.notification.NoticeState;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationAttempt;
import org.tandem.api.notification.RecipientType;
import org.tandem.api.notification.Urgency;
import org.tandem.api.store.StoreInfo;
import org.tandem.store.internal.jdbc.Jdbc;

/**
 * Notices, confirmation codes, failed tries and PINs in plain JDBC. Claims and confirmations are conditional
 * updates, so with several nodes on one database a round is planned once and a notice is confirmed once.
 */
@Component(service = ConfirmationRepository.class)
public final class JdbcConfirmationRepository implements ConfirmationRepository {

    private static final String COLUMNS = "id, notice_key, agency_id, case_id, person_id, recipient_type, event_type,"
            + " event_id, urgency, state, first_notification_id, rounds, next_round_at, escalate_at, expires_at,"
            + " escalated_at, confirmed_at, confirmed_channel, confirmed_by, created_at, updated_at";
    private static final String CODE_COLUMNS = "id, secret_hash, kind, address_hash, notice_id, notification_id,"
            + " channel, created_at, expires_at, used_at";

    private final DataSource dataSource;

    @Activate
    public JdbcConfirmationRepository(@Reference(name = "storeInfo") StoreInfo storeInfo,
            @Reference(name = "dataSource", target = "(dataSourceName=tandem)") DataSource dataSource) {
        this(dataSource);
    }

    public JdbcConfirmationRepository(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public boolean insertIfAbsent(Notice n) {
        return Jdbc.insertUnlessExists(dataSource, "insert notice", "SELECT id FROM notice WHERE notice_key = ?",
                n.noticeKey(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO notice (" + COLUMNS
                    + ", lease_until, claim_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, NULL, NULL)")) {
                int i = 1;
                ps.setString(i++, n.id());
                ps.setString(i++, n.noticeKey());
                ps.setString(i++, n.agencyId());
                ps.setString(i++, n.caseId());
                ps.setString(i++, n.personId());
                Jdbc.setEnum(ps, i++, n.recipientType());
                ps.setString(i++, n.eventType());
                ps.setString(i++, n.eventId());
                Jdbc.setEnum(ps, i++, n.urgency());
                Jdbc.setEnum(ps, i++, n.state());
                ps.setString(i++, n.firstNotificationId());
                ps.setInt(i++, n.rounds());
                Jdbc.setInstant(ps, i++, n.nextRoundAt());
                Jdbc.setInstant(ps, i++, n.escalateAt());
                Jdbc.setInstant(ps, i++, n.expiresAt());
                Jdbc.setInstant(ps, i++, n.escalatedAt());
                Jdbc.setInstant(ps, i++, n.confirmedAt());
                Jdbc.setEnum(ps, i++, n.confirmedChannel());
                Jdbc.setString(ps, i++, n.confirmedBy());
                Jdbc.setInstant(ps, i++, n.createdAt());
                Jdbc.setInstant(ps, i, n.updatedAt());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Notice> find(String id) {
        return one("SELECT " + COLUMNS + " FROM notice WHERE id = ?", id);
    }

    @Override
    public Optional<Notice> findByKey(String noticeKey) {
        return one("SELECT " + COLUMNS + " FROM notice WHERE notice_key = ?", noticeKey);
    }

    private Optional<Notice> one(String sql, String param) {
        if (param == null) {
            return Optional.empty();
        }
        return Jdbc.withConnection(dataSource, "find notice", c -> Jdbc.query(c, sql, List.of(param),
                JdbcConfirmationRepository::map).stream().findFirst());
    }

    @Override
    public List<Notice> forCase(String agencyId, String caseId) {
        return Jdbc.withConnection(dataSource, "list notices of case", c -> Jdbc.query(c, "SELECT " + COLUMNS
                + " FROM notice WHERE agency_id = ? AND case_id = ? ORDER BY created_at, id",
                List.of(agencyId, caseId), JdbcConfirmationRepository::map));
    }

    @Override
    public List<Notice> dueRounds(Instant now, int limit) {
        return timed("SELECT " + COLUMNS + " FROM notice WHERE state = 'AWAITING' AND next_round_at <= ?"
                + " AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_round_at, id"
                + " OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY", now, limit);
    }

    @Override
    public List<Notice> dueEscalations(Instant now, int limit) {
        return timed("SELECT " + COLUMNS + " FROM notice WHERE state = 'AWAITING'"
                + " AND ((escalate_at <= ? AND escalated_at IS NULL) OR expires_at <= ?)"
                + " ORDER BY created_at, id OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY", now, limit);
    }

    /** Notices by a query whose parameters are now, now and the limit. */
    private List<Notice> timed(String sql, Instant now, int limit) {
        return Jdbc.withConnection(dataSource, "find due notices", c -> {
            List<Notice> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Jdbc.setInstant(ps, 1, now);
                Jdbc.setInstant(ps, 2, now);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(map(rs));
                    }
                }
            }
            return rows;
        });
    }

    @Override
    public Optional<String> claim(String noticeId, Instant now, Instant leaseUntil) {
        String token = UUID.randomUUID().toString().replace("-", "");
        int updated = Jdbc.withConnection(dataSource, "claim notice", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE notice SET lease_until = ?, claim_token = ?"
                    + " WHERE id = ? AND state = 'AWAITING' AND (lease_until IS NULL OR lease_until < ?)")) {
                Jdbc.setInstant(ps, 1, leaseUntil);
                ps.setString(2, token);
                ps.setString(3, noticeId);
                Jdbc.setInstant(ps, 4, now);
                return ps.executeUpdate();
            }
        });
        return updated == 1 ? Optional.of(token) : Optional.empty();
    }

    @Override
    public boolean completeRound(String claimToken, Notice n, Notification reminder) {
        return Jdbc.inTransaction(dataSource, "plan reminder", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE notice SET rounds = ?, next_round_at = ?,"
                    + " state = ?, updated_at = ?, lease_until = NULL, claim_token = NULL"
                    + " WHERE id = ? AND claim_token = ?")) {
                ps.setInt(1, n.rounds());
                Jdbc.setInstant(ps, 2, n.nextRoundAt());
                Jdbc.setEnum(ps, 3, n.state());
                Jdbc.setInstant(ps, 4, n.updatedAt());
                ps.setString(5, n.id());
                ps.setString(6, claimToken);
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            if (reminder != null) {
                JdbcNotificationRepository.insert(c, reminder);
            }
            return true;
        });
    }

    @Override
    public boolean markEscalated(String noticeId, Instant at, boolean expire, NotificationAttempt entry) {
        return Jdbc.inTransaction(dataSource, "escalate notice", c -> {
            List<Notice> found = Jdbc.query(c, "SELECT " + COLUMNS + " FROM notice WHERE id = ?", List.of(noticeId),
                    JdbcConfirmationRepository::map);
            if (found.isEmpty()) {
                return false;
            }
            Notice n = found.get(0);
            boolean first;
            try (PreparedStatement ps = c.prepareStatement("UPDATE notice SET escalated_at = ?, updated_at = ?"
                    + " WHERE id = ? AND escalated_at IS NULL")) {
                Jdbc.setInstant(ps, 1, at);
                Jdbc.setInstant(ps, 2, at);
                ps.setString(3, noticeId);
                first = ps.executeUpdate() == 1;
            }
            if (expire) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE notice SET state = 'EXPIRED',"
                        + " next_round_at = NULL, updated_at = ? WHERE id = ? AND state = 'AWAITING'")) {
                    Jdbc.setInstant(ps, 1, at);
                    ps.setString(2, noticeId);
                    ps.executeUpdate();
                }
            }
            if (first && entry != null) {
                JdbcNotificationRepository.appendEntry(c, n.firstNotificationId(), entry);
            }
            return first;
        });
    }

    @Override
    public boolean expire(String noticeId, Instant at) {
        return Jdbc.inTransaction(dataSource, "expire notice", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE notice SET state = 'EXPIRED', next_round_at = NULL,"
                    + " updated_at = ? WHERE id = ? AND state = 'AWAITING'")) {
                Jdbc.setInstant(ps, 1, at);
                ps.setString(2, noticeId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void addHistory(String notificationId, NotificationAttempt entry) {
        Jdbc.inTransaction(dataSource, "add notification history", c -> {
            JdbcNotificationRepository.appendEntry(c, notificationId, entry);
            return null;
        });
    }

    @Override
    public void insertCode(ConfirmationCode code) {
        Jdbc.inTransaction(dataSource, "insert confirmation code", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO confirmation_code (" + CODE_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, code.id());
                ps.setString(2, code.secretHash());
                Jdbc.setEnum(ps, 3, code.kind());
                Jdbc.setString(ps, 4, code.addressHash());
                ps.setString(5, code.noticeId());
                ps.setString(6, code.notificationId());
                Jdbc.setEnum(ps, 7, code.channel());
                Jdbc.setInstant(ps, 8, code.createdAt());
                Jdbc.setInstant(ps, 9, code.expiresAt());
                Jdbc.setInstant(ps, 10, code.usedAt());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<ConfirmationCode> findCodes(String secretHash, String addressHash) {
        return Jdbc.withConnection(dataSource, "find confirmation code", c -> addressHash == null
                ? Jdbc.query(c, "SELECT " + CODE_COLUMNS + " FROM confirmation_code WHERE secret_hash = ?"
                        + " AND address_hash IS NULL ORDER BY created_at DESC", List.of(secretHash),
                        JdbcConfirmationRepository::code)
                : Jdbc.query(c, "SELECT " + CODE_COLUMNS + " FROM confirmation_code WHERE secret_hash = ?"
                        + " AND address_hash = ? ORDER BY created_at DESC", List.of(secretHash, addressHash),
                        JdbcConfirmationRepository::code));
    }

    @Override
    public boolean confirm(String codeId, String noticeId, String notificationId, Channel channel,
            ConfirmationKind kind, Instant at, NotificationAttempt entry) {
        return Jdbc.inTransaction(dataSource, "confirm notice", c -> {
            if (codeId != null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE confirmation_code SET used_at = ? WHERE id = ? AND used_at IS NULL")) {
                    Jdbc.setInstant(ps, 1, at);
                    ps.setString(2, codeId);
                    if (ps.executeUpdate() != 1) {
                        return false; // used meanwhile (a concurrent reply)
                    }
                }
            }
            int confirmed;
            try (PreparedStatement ps = c.prepareStatement("UPDATE notice SET state = 'CONFIRMED', confirmed_at = ?,"
                    + " confirmed_channel = ?, confirmed_by = ?, next_round_at = NULL, updated_at = ?"
                    + " WHERE id = ? AND state IN ('AWAITING', 'EXPIRED')")) {
                Jdbc.setInstant(ps, 1, at);
                Jdbc.setEnum(ps, 2, channel);
                Jdbc.setEnum(ps, 3, kind);
                Jdbc.setInstant(ps, 4, at);
                ps.setString(5, noticeId);
                confirmed = ps.executeUpdate();
            }
            if (entry != null) {
                JdbcNotificationRepository.appendEntry(c, notificationId, entry);
            }
            return confirmed == 1;
        });
    }

    @Override
    public void recordFailure(String scopeKey, Instant at) {
        Jdbc.inTransaction(dataSource, "record confirmation failure", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO confirmation_failure (scope_key, failed_at) VALUES (?, ?)")) {
                ps.setString(1, scopeKey);
                Jdbc.setInstant(ps, 2, at);
                ps.executeUpdate();
            }
            // old tries are kept for a day at most: enough for any rate-limit window
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM confirmation_failure WHERE failed_at < ?")) {
                Jdbc.setInstant(ps, 1, at.minusSeconds(86_400));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public int failuresSince(String scopeKey, Instant since) {
        return Jdbc.withConnection(dataSource, "count confirmation failures", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM confirmation_failure WHERE scope_key = ? AND failed_at >= ?")) {
                ps.setString(1, scopeKey);
                Jdbc.setInstant(ps, 2, since);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    @Override
    public void setPin(String personId, String pinHash, String setBy, Instant at) {
        Jdbc.inTransaction(dataSource, "set confirmation PIN", c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM person_pin WHERE person_id = ?")) {
                del.setString(1, personId);
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO person_pin (person_id, pin_hash, set_by, set_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, personId);
                ps.setString(2, pinHash);
                ps.setString(3, setBy);
                Jdbc.setInstant(ps, 4, at);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<String> pinHash(String personId) {
        return Jdbc.withConnection(dataSource, "read confirmation PIN", c -> Jdbc.query(c,
                "SELECT pin_hash FROM person_pin WHERE person_id = ?", List.of(personId), rs -> rs.getString(1))
                .stream().findFirst());
    }

    private static Notice map(ResultSet rs) throws SQLException {
        String channel = rs.getString("confirmed_channel");
        return new Notice(rs.getString("id"), rs.getString("notice_key"), rs.getString("agency_id"),
                rs.getString("case_id"), rs.getString("person_id"),
                RecipientType.valueOf(rs.getString("recipient_type")), rs.getString("event_type"),
                rs.getString("event_id"), Urgency.valueOf(rs.getString("urgency")),
                NoticeState.valueOf(rs.getString("state")), rs.getString("first_notification_id"),
                rs.getInt("rounds"), Jdbc.getInstant(rs, "next_round_at"), Jdbc.getInstant(rs, "escalate_at"),
                Jdbc.getInstant(rs, "expires_at"), Jdbc.getInstant(rs, "escalated_at"),
                Jdbc.getInstant(rs, "confirmed_at"), channel == null ? null : Channel.valueOf(channel),
                rs.getString("confirmed_by"), Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "updated_at"));
    }

    private static ConfirmationCode code(ResultSet rs) throws SQLException {
        return new ConfirmationCode(rs.getString("id"), rs.getString("secret_hash"),
                ConfirmationKind.valueOf(rs.getString("kind")), rs.getString("address_hash"),
                rs.getString("notice_id"), rs.getString("notification_id"), Channel.valueOf(rs.getString("channel")),
                Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "expires_at"),
                Jdbc.getInstant(rs, "used_at"));
    }
}
