package org.tandem.notification.internal.shell;

import java.util.EnumSet;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tandem.api.notification.FollowUpTask;
import org.tandem.api.notification.TaskRepository;

/**
 * {@code tandem:task-list --agency PD-DEMO [--assignee advocate | --unassigned] [--all]}: follow-up tasks from
 * escalated notices (ids, kinds and reasons; no victim details), open ones unless {@code --all}.
 */
@Service
@Command(scope = "tandem", name = "task-list", description = "Lists follow-up tasks of an agency (escalated notices)")
public class TaskListCommand implements Action {

    @Reference
    TaskRepository tasks;

    @Option(name = "--agency", required = true, description = "agency id")
    String agency;

    @Option(name = "--assignee", description = "only tasks of this user")
    String assignee;

    @Option(name = "--unassigned", description = "only tasks nobody is assigned to")
    boolean unassigned;

    @Option(name = "--all", description = "also tasks with a recorded outcome")
    boolean all;

    @Option(name = "-n", aliases = "--max", description = "most tasks to show")
    int max = 100;

    @Override
    public Object execute() {
        List<FollowUpTask> found = tasks.list(agency, assignee, unassigned,
                all ? EnumSet.allOf(FollowUpTask.State.class) : EnumSet.of(FollowUpTask.State.OPEN), max);
        System.out.print(render(found));
        return null;
    }

    static String render(List<FollowUpTask> list) {
        StringBuilder out = new StringBuilder(String.format("%-24s %-5s %-30s %-12s %-24s %-20s %s%n", "ID", "STATE",
                "KIND", "ASSIGNEE", "CASE", "CREATED", "REASON / OUTCOME"));
        for (FollowUpTask t : list) {
            out.append(String.format("%-24s %-5s %-30s %-12s %-24s %-20s %s%n", t.id(), t.state(), t.kind(),
                    t.assignee() == null ? "-" : t.assignee(), t.caseId(), t.createdAt(),
                    t.outcome() == null ? t.reason() : t.outcome() + " by " + t.closedBy()));
        }
        out.append(list.size()).append(" task(s)\n");
        return out.toString();
    }
}
