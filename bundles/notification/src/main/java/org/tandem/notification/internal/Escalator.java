package org.tandem.notification.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.Ids;
import org.tandem.api.cases.Channel;
import org.tandem.api.notification.AttemptOutcome;
import org.tandem.api.notification.ConfirmationRepository;
import org.tandem.api.notification.FollowUpTask;
import org.tandem.api.notification.Notice;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationAttempt;
import org.tandem.api.notification.NotificationEvents;
import org.tandem.api.notification.NotificationRepository;
import org.tandem.api.notification.NotificationState;
import org.tandem.api.notification.RecipientType;
import org.tandem.api.notification.TaskRepository;

/**
 * Hands a notice to a person: a follow-up task for the case's advocate (or the agency's default advocate), the event
 * {@code org/tandem/notification/ESCALATED}, and an e-mail to the advocate through the outbox (durable like every
 * message). A task exists once per notice and kind, so a repeated escalation changes nothing.
 */
final class Escalator {

    static final String STAFF_TEMPLATE = "escalation";
    static final String PARAM_STAFF_EMAIL = "staffEmail";
    static final String PARAM_TASK_ID = "taskId";
    static final String PARAM_TASK_KIND = "taskKind";

    private static final Logger LOG = LoggerFactory.getLogger(Escalator.class);

    private final TaskRepository tasks;
    private final ConfirmationRepository confirmations;
    private final NotificationRepository outbox;
    private final EventPoster events;
    private final Supplier<ConfirmationPolicy> policy;

    Escalator(TaskRepository tasks, ConfirmationRepository confirmations, NotificationRepository outbox,
            EventPoster events, Supplier<ConfirmationPolicy> policy) {
        this.tasks = tasks;
        this.confirmations = confirmations;
        this.outbox = outbox;
        this.events = events;
        this.policy = policy;
    }

    /**
     * Creates the task (once per notice and kind), records it in the history of the notice's first message, posts
     * the event and queues the advocate's e-mail.
     *
     * @return the task, when it was created now
     */
    Optional<FollowUpTask> escalate(Notice notice, FollowUpTask.Kind kind, String reason, Instant now) {
        String agencyId = notice.agencyId();
        String caseId = notice.caseId();
        String personId = notice.personId();
        String noticeId = notice.id();
        ConfirmationPolicy p = policy.get();
        String assignee = tasks.advocate(agencyId, caseId).orElse(p.defaultAdvocates().get(agencyId));
        FollowUpTask task = new FollowUpTask(Ids.newId(), noticeId + "|" + kind, agencyId, caseId, personId, noticeId, kind, assignee, FollowUpTask.State.OPEN, reason,
                now, null, null, null, null);
        if (!tasks.insertIfAbsent(task)) {
            return Optional.empty();
        }
        confirmations.addHistory(notice.firstNotificationId(), historyEntry(kind, task.id(), assignee, reason, now));
        Map<String, Object> props = new HashMap<>();
        props.put(NotificationEvents.PROP_CASE_ID, caseId);
        props.put(NotificationEvents.PROP_AGENCY_ID, agencyId);
        props.put(NotificationEvents.PROP_PERSON_ID, personId);
        props.put(NotificationEvents.PROP_NOTICE_ID, noticeId);
        props.put(NotificationEvents.PROP_TASK_ID, task.id());
        props.put(NotificationEvents.PROP_TASK_KIND, kind.name());
        if (assignee != null) {
            props.put(NotificationEvents.PROP_ASSIGNEE, assignee);
        }
        props.put(NotificationEvents.PROP_REASON, reason);
        props.put(NotificationEvents.PROP_TIMESTAMP, now.toEpochMilli());
        events.post(NotificationEvents.NOTIFICATION_ESCALATED, props);
        String email = assignee == null ? null : p.staffEmails().get(assignee);
        if (email != null) {
            Map<String, String> params = new HashMap<>();
            params.put(PARAM_STAFF_EMAIL, email);
            params.put(PARAM_TASK_ID, task.id());
            params.put(PARAM_TASK_KIND, kind.name());
            outbox.insertIfAbsent(new Notification(Ids.newId(), NotificationEvents.TYPE_ESCALATION + "|" + task.id()
                    + "|" + assignee + "|STAFF|EMAIL", agencyId, caseId, personId, RecipientType.STAFF,
                    NotificationEvents.TYPE_ESCALATION, task.id(), Channel.EMAIL, "en", STAFF_TEMPLATE, null, false,
                    null, NotificationState.QUEUED, 0, now, null, "follow-up task for " + assignee, null, "system",
                    now, now, null, null, params, List.of()));
        } else {
            LOG.warn("Follow-up task {} ({}) for case {}: {}", task.id(), kind, caseId, assignee == null
                    ? "no advocate assigned and no defaultAdvocate." + agencyId + " configured"
                    : "no staffEmail." + assignee + " configured, no e-mail sent");
        }
        return Optional.of(task);
    }

    private static NotificationAttempt historyEntry(FollowUpTask.Kind kind, String taskId, String assignee, String reason,
            Instant now) {
        return new NotificationAttempt(0, now, null, AttemptOutcome.ESCALATED, null, kind + ": " + reason
                + (taskId == null ? "" : "; task " + taskId) + (assignee == null ? "" : " for " + assignee), null);
    }
}
