package org.tandem.store.internal.referral;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.tandem.api.Page;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.referral.Referral;
import org.tandem.api.referral.ReferralEvents;
import org.tandem.api.referral.ReferralQuery;
import org.tandem.api.referral.ReferralRepository;
import org.tandem.api.referral.ReferralStatus;
import org.tandem.api.referral.ReferralTopics;
import org.tandem.api.referral.ReferralTransition;
import org.tandem.api.referral.Urgency;
import org.tandem.api.store.StoreInfo;
import org.tandem.store.internal.event.JournalWriter;
import org.tandem.store.internal.jdbc.Jdbc;
import org.tandem.store.internal.jdbc.TypedQuery;

/**
 * Referrals and their history in plain JDBC. A status change is one transaction: the row moves only if its
 * version is still the one the caller read (optimistic lock), and the history row is appended with it.
 */
@Component(service = ReferralRepository.class, configurationPid = "org.tandem.store",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class JdbcReferralRepository implements ReferralRepository {

    private static final String COLUMNS = "r.id, r.case_id, r.agency_id, r.person_id, r.provider_id, r.consent_id,"
            + " r.status, r.urgency, r.note, r.created_by, r.created_at, r.updated_at, r.sent_at, r.version";

    private final DataSource dataSource;

    @Activate
    public JdbcReferralRepository(@Reference(name = "dataSource", target = "(dataSourceName=tandem)") DataSource dataSource,
            @Reference(name = "storeInfo") StoreInfo ready) {
        this(dataSource);
    }

    public JdbcReferralRepository(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void insert(Referral r) {
        Objects.requireNonNull(r, "referral");
        Jdbc.inTransaction(dataSource, "insert referral", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO referral (id, case_id, agency_id, person_id,"
                    + " provider_id, consent_id, status, urgency, note, created_by, created_at, updated_at, sent_at,"
                    + " version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Jdbc.setString(ps, 1, r.id());
                Jdbc.setString(ps, 2, r.caseId());
                Jdbc.setString(ps, 3, r.agencyId());
                Jdbc.setString(ps, 4, r.personId());
                Jdbc.setString(ps, 5, r.providerId());
                Jdbc.setString(ps, 6, r.consentId());
                Jdbc.setEnum(ps, 7, r.status());
                Jdbc.setEnum(ps, 8, r.urgency());
                Jdbc.setString(ps, 9, r.note());
                Jdbc.setString(ps, 10, r.createdBy());
                Jdbc.setInstant(ps, 11, r.createdAt());
                Jdbc.setInstant(ps, 12, r.updatedAt());
                Jdbc.setInstant(ps, 13, r.sentAt());
                ps.setInt(14, r.version());
                ps.executeUpdate();
            }
            Jdbc.batch(c, "INSERT INTO referral_service (referral_id, position, category) VALUES (?, ?, ?)",
                    r.services(), (ps, pos, s) -> {
                        ps.setString(1, r.id());
                        ps.setInt(2, pos);
                        Jdbc.setEnum(ps, 3, s);
                    });
            for (int seq = 0; seq < r.history().size(); seq++) {
                insertStep(c, r.id(), seq, r.history().get(seq));
            }
            journal(c, r, r.history());
            return null;
        });
    }

    @Override
    public Optional<Referral> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return Jdbc.withConnection(dataSource, "find referral", c -> find(c, id));
    }

    @Override
    public Optional<Referral> transition(String id, int expectedVersion, ReferralTransition step) {
        Objects.requireNonNull(step, "step");
        return Jdbc.inTransaction(dataSource, "change referral status", c -> {
            boolean sending = step.to() == ReferralStatus.SENT;
            try (PreparedStatement ps = c.prepareStatement("UPDATE referral SET status = ?, updated_at = ?,"
                    + (sending ? " sent_at = ?," : "") + " version = version + 1 WHERE id = ? AND version = ?")) {
                int i = 1;
                Jdbc.setEnum(ps, i++, step.to());
                Jdbc.setInstant(ps, i++, step.at());
                if (sending) {
                    Jdbc.setInstant(ps, i++, step.at());
                }
                Jdbc.setString(ps, i++, id);
                ps.setInt(i, expectedVersion);
                if (ps.executeUpdate() == 0) {
                    return Optional.<Referral>empty();
                }
            }
            int seq = Jdbc.query(c, "SELECT COUNT(*) FROM referral_transition WHERE referral_id = ?", List.of(id),
                    rs -> rs.getInt(1)).get(0);
            insertStep(c, id, seq, step);
            Optional<Referral> changed = find(c, id);
            if (changed.isPresent()) {
                journal(c, changed.get(), List.of(step));
            }
            return changed;
        });
    }

    @Override
    public Page<Referral> search(ReferralQuery q) {
        Objects.requireNonNull(q, "query");
        if (q.page() < 0 || q.size() < 1 || q.size() > Page.MAX_SIZE) {
            throw new IllegalArgumentException("Invalid page " + q.page() + " / size " + q.size());
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q.visibleTo() != null) {
            // the provider's agency sees a referral once it was sent, never a draft
            where.append(" AND (r.agency_id = ? OR (r.sent_at IS NOT NULL"
                    + " AND r.provider_id IN (SELECT p.id FROM provider p WHERE p.agency_id = ?)))");
            params.add(q.visibleTo());
            params.add(q.visibleTo());
        }
        if (q.status() != null) {
            where.append(" AND r.status = ?");
            params.add(q.status().name());
        }
        if (q.providerId() != null) {
            where.append(" AND r.provider_id = ?");
            params.add(q.providerId());
        }
        if (q.caseId() != null) {
            where.append(" AND r.case_id = ?");
            params.add(q.caseId());
        }
        if (q.sentBefore() != null) {
            where.append(" AND r.sent_at < ?");
            params.add(q.sentBefore());
        }
        String order = q.sentBefore() != null ? " ORDER BY r.sent_at, r.id" : " ORDER BY r.created_at DESC, r.id";
        long offset = (long) q.page() * q.size();
        return Jdbc.withConnection(dataSource, "search referrals", c -> {
            long total = TypedQuery.query(c, "SELECT COUNT(*) FROM referral r" + where, params, rs -> rs.getLong(1))
                    .get(0);
            if (offset >= total) {
                return new Page<>(List.of(), q.page(), q.size(), total);
            }
            List<Object> paged = new ArrayList<>(params);
            paged.add(offset);
            paged.add((long) q.size());
            List<Row> rows = TypedQuery.query(c, "SELECT " + COLUMNS + " FROM referral r" + where + order
                    + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", paged, JdbcReferralRepository::row);
            return new Page<>(withChildren(c, rows), q.page(), q.size(), total);
        });
    }

    private static Optional<Referral> find(Connection c, String id) throws SQLException {
        List<Row> rows = Jdbc.query(c, "SELECT " + COLUMNS + " FROM referral r WHERE r.id = ?", List.of(id),
                JdbcReferralRepository::row);
        return withChildren(c, rows).stream().findFirst();
    }

    /** Same transaction as the change, last (see JournalWriter): one STATUS_CHANGED entry per step. */
    private static void journal(Connection c, Referral r, List<ReferralTransition> steps) throws SQLException {
        List<String> agency = Jdbc.query(c, "SELECT agency_id FROM provider WHERE id = ?", List.of(r.providerId()),
                rs -> rs.getString(1));
        String providerAgencyId = agency.isEmpty() ? null : agency.get(0);
        List<JournalWriter.Event> events = steps.stream().map(step -> new JournalWriter.Event(
                ReferralTopics.STATUS_CHANGED, ReferralEvents.statusChanged(r, providerAgencyId, step))).toList();
        JournalWriter.append(c, events, Instant.now());
    }

    private static void insertStep(Connection c, String id, int seq, ReferralTransition t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO referral_transition (referral_id, seq, from_status,"
                + " to_status, changed_at, by_user, by_agency, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setInt(2, seq);
            Jdbc.setEnum(ps, 3, t.from());
            Jdbc.setEnum(ps, 4, t.to());
            Jdbc.setInstant(ps, 5, t.at());
            Jdbc.setString(ps, 6, t.by());
            Jdbc.setString(ps, 7, t.agencyId());
            Jdbc.setString(ps, 8, t.reason());
            ps.executeUpdate();
        }
    }

    private record Row(String id, String caseId, String agencyId, String personId, String providerId,
            String consentId, ReferralStatus status, Urgency urgency, String note, String createdBy,
            Instant createdAt, Instant updatedAt, Instant sentAt, int version) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("case_id"), rs.getString("agency_id"),
                rs.getString("person_id"), rs.getString("provider_id"), rs.getString("consent_id"),
                ReferralStatus.valueOf(rs.getString("status")), Urgency.valueOf(rs.getString("urgency")),
                rs.getString("note"), rs.getString("created_by"), Jdbc.getInstant(rs, "created_at"),
                Jdbc.getInstant(rs, "updated_at"), Jdbc.getInstant(rs, "sent_at"), rs.getInt("version"));
    }

    private static List<Referral> withChildren(Connection c, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(Row::id).toList();
        String in = "(" + Jdbc.placeholders(ids.size()) + ")";
        Map<String, List<ServiceCategory>> services = group(Jdbc.query(c, "SELECT referral_id, category FROM"
                + " referral_service WHERE referral_id IN " + in + " ORDER BY referral_id, position", ids,
                rs -> Map.entry(rs.getString(1), ServiceCategory.valueOf(rs.getString(2)))));
        Map<String, List<ReferralTransition>> history = group(Jdbc.query(c, "SELECT referral_id, from_status,"
                + " to_status, changed_at, by_user, by_agency, reason FROM referral_transition WHERE referral_id IN "
                + in + " ORDER BY referral_id, seq", ids, rs -> {
                    String from = rs.getString("from_status");
                    return Map.entry(rs.getString("referral_id"), new ReferralTransition(
                            from == null ? null : ReferralStatus.valueOf(from),
                            ReferralStatus.valueOf(rs.getString("to_status")), Jdbc.getInstant(rs, "changed_at"),
                            rs.getString("by_user"), rs.getString("by_agency"), rs.getString("reason")));
                }));
        return rows.stream().map(r -> new Referral(r.id(), r.caseId(), r.agencyId(), r.personId(), r.providerId(),
                services.getOrDefault(r.id(), List.of()), r.urgency(), r.note(), r.status(), r.consentId(),
                r.createdBy(), r.createdAt(), r.updatedAt(), r.sentAt(), r.version(),
                history.getOrDefault(r.id(), List.of()))).toList();
    }

    private static <T> Map<String, List<T>> group(List<Map.Entry<String, T>> rows) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        for (Map.Entry<String, T> row : rows) {
            out.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue());
        }
        return out;
    }
}
