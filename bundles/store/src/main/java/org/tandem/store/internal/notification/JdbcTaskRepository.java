package org.tandem.store.internal.notification;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tandem.api.notification.FollowUpTask;
import org.tandem.api.notification.TaskRepository;
import org.tandem.api.store.StoreInfo;
import org.tandem.store.internal.jdbc.Jdbc;

/** Follow-up tasks and case advocates in plain JDBC; a task's key makes an escalation happen once. */
@Component(service = TaskRepository.class)
public final class JdbcTaskRepository implements TaskRepository {

    private static final String COLUMNS = "id, task_key, agency_id, case_id, person_id, notice_id, kind, assignee,"
            + " state, reason, created_at, outcome, outcome_note, closed_by, closed_at";

    private final DataSource dataSource;

    @Activate
    public JdbcTaskRepository(@Reference(name = "storeInfo") StoreInfo storeInfo,
            @Reference(name = "dataSource", target = "(dataSourceName=tandem)") DataSource dataSource) {
        this(dataSource);
    }

    public JdbcTaskRepository(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public boolean insertIfAbsent(FollowUpTask t) {
        return Jdbc.insertUnlessExists(dataSource, "insert task", "SELECT id FROM followup_task WHERE task_key = ?",
                t.taskKey(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO followup_task (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int i = 1;
                ps.setString(i++, t.id());
                ps.setString(i++, t.taskKey());
                ps.setString(i++, t.agencyId());
                ps.setString(i++, t.caseId());
                ps.setString(i++, t.personId());
                Jdbc.setString(ps, i++, t.noticeId());
                Jdbc.setEnum(ps, i++, t.kind());
                Jdbc.setString(ps, i++, t.assignee());
                Jdbc.setEnum(ps, i++, t.state());
                Jdbc.setString(ps, i++, clip(t.reason(), 400));
                Jdbc.setInstant(ps, i++, t.createdAt());
                Jdbc.setEnum(ps, i++, t.outcome());
                Jdbc.setString(ps, i++, clip(t.outcomeNote(), 1000));
                Jdbc.setString(ps, i++, t.closedBy());
                Jdbc.setInstant(ps, i, t.closedAt());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<FollowUpTask> find(String agencyId, String id) {
        return Jdbc.withConnection(dataSource, "find task", c -> Jdbc.query(c, "SELECT " + COLUMNS
                + " FROM followup_task WHERE agency_id = ? AND id = ?", List.of(agencyId, id),
                JdbcTaskRepository::map).stream().findFirst());
    }

    @Override
    public List<FollowUpTask> list(String agencyId, String assignee, boolean unassignedOnly,
            Set<FollowUpTask.State> states, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM followup_task WHERE agency_id = ?");
        List<String> params = new ArrayList<>(List.of(agencyId));
        if (unassignedOnly) {
            sql.append(" AND assignee IS NULL");
        } else if (assignee != null) {
            sql.append(" AND assignee = ?");
            params.add(assignee);
        }
        if (!states.isEmpty()) {
            sql.append(" AND state IN (").append(Jdbc.placeholders(states.size())).append(')');
            states.stream().map(Enum::name).sorted().forEach(params::add);
        }
        sql.append(" ORDER BY created_at DESC, id OFFSET 0 ROWS FETCH NEXT ").append(Math.max(1, limit))
                .append(" ROWS ONLY");
        return Jdbc.withConnection(dataSource, "list tasks", c -> Jdbc.query(c, sql.toString(), params,
                JdbcTaskRepository::map));
    }

    @Override
    public List<FollowUpTask> forCase(String agencyId, String caseId) {
        return Jdbc.withConnection(dataSource, "list tasks of case", c -> Jdbc.query(c, "SELECT " + COLUMNS
                + " FROM followup_task WHERE agency_id = ? AND case_id = ? ORDER BY created_at, id",
                List.of(agencyId, caseId), JdbcTaskRepository::map));
    }

    @Override
    public boolean close(String agencyId, String id, FollowUpTask.Outcome outcome, String note, String closedBy,
            Instant at) {
        return Jdbc.inTransaction(dataSource, "close task", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE followup_task SET state = 'DONE', outcome = ?,"
                    + " outcome_note = ?, closed_by = ?, closed_at = ? WHERE agency_id = ? AND id = ?"
                    + " AND state = 'OPEN'")) {
                Jdbc.setEnum(ps, 1, outcome);
                Jdbc.setString(ps, 2, clip(note, 1000));
                ps.setString(3, closedBy);
                Jdbc.setInstant(ps, 4, at);
                ps.setString(5, agencyId);
                ps.setString(6, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void assignAdvocate(String agencyId, String caseId, String user, String assignedBy, Instant at) {
        Jdbc.inTransaction(dataSource, "assign advocate", c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM case_advocate WHERE case_id = ?")) {
                del.setString(1, caseId);
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_advocate (case_id, agency_id,"
                    + " user_name, assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, caseId);
                ps.setString(2, agencyId);
                ps.setString(3, user);
                ps.setString(4, assignedBy);
                Jdbc.setInstant(ps, 5, at);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<String> advocate(String agencyId, String caseId) {
        return Jdbc.withConnection(dataSource, "read case advocate", c -> Jdbc.query(c,
                "SELECT user_name FROM case_advocate WHERE agency_id = ? AND case_id = ?", List.of(agencyId, caseId),
                rs -> rs.getString(1)).stream().findFirst());
    }

    private static FollowUpTask map(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        return new FollowUpTask(rs.getString("id"), rs.getString("task_key"), rs.getString("agency_id"),
                rs.getString("case_id"), rs.getString("person_id"), rs.getString("notice_id"),
                FollowUpTask.Kind.valueOf(rs.getString("kind")), rs.getString("assignee"),
                FollowUpTask.State.valueOf(rs.getString("state")), rs.getString("reason"),
                Jdbc.getInstant(rs, "created_at"), outcome == null ? null : FollowUpTask.Outcome.valueOf(outcome),
                rs.getString("outcome_note"), rs.getString("closed_by"), Jdbc.getInstant(rs, "closed_at"));
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
