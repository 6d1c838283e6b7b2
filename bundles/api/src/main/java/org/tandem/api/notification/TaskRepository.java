package org.tandem.api.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Follow-up tasks and case advocates (implemented by the store bundle).
 *
 * @since notification 1.2
 */
public interface TaskRepository {

    /** @return false, and nothing changes, when a task with the same key exists */
    boolean insertIfAbsent(FollowUpTask task);

    Optional<FollowUpTask> find(String agencyId, String id);

    /**
     * One agency's tasks, newest first. {@code assignee} null: any; {@code unassignedOnly}: only tasks without one.
     */
    List<FollowUpTask> list(String agencyId, String assignee, boolean unassignedOnly, Set<FollowUpTask.State> states,
            int limit);

    List<FollowUpTask> forCase(String agencyId, String caseId);

    /** Records the outcome of an OPEN task. @return false when it was closed already */
    boolean close(String agencyId, String id, FollowUpTask.Outcome outcome, String note, String closedBy, Instant at);

    void assignAdvocate(String agencyId, String caseId, String user, String assignedBy, Instant at);

    Optional<String> advocate(String agencyId, String caseId);
}
