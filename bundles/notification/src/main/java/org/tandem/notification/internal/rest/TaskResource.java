package org.tandem.notification.internal.rest;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.ws.rs.ClientErrorException;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.Ids;
import org.tandem.api.Role;
import org.tandem.api.ValidationException;
import org.tandem.api.notification.FollowUpTask;
import org.tandem.api.notification.TaskRepository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Follow-up tasks: {@code GET /tasks?assignee=me|unassigned|<user>&state=OPEN|DONE|ALL} and
 * {@code POST /tasks/{id}/outcome}. Advocates see their own tasks and the unassigned ones of their agency and record
 * outcomes on them; supervisors see and close every task of their agency. Another agency's task is 404.
 */
@Component(service = TaskResource.class, property = "tandem.rest.resource=true")
@Path("/tasks")
public class TaskResource {

    private static final Set<String> OUTCOME_FIELDS = Set.of("outcome", "note");
    private static final int MAX_NOTE = 1000;

    private final TaskRepository tasks;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public TaskResource(@Reference(name = "tasks") TaskRepository tasks) {
        this.tasks = tasks;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("assignee") String assignee, @QueryParam("state") String state,
            @Context SecurityContext security) {
        Caller caller = RestCallers.agencyCaller(security, "see follow-up tasks", Role.ADVOCATE, Role.SUPERVISOR);
        boolean supervisor = caller.hasAnyRole(Role.SUPERVISOR);
        String who = assignee == null || assignee.isBlank() ? (supervisor ? null : "me") : assignee.strip();
        boolean unassigned = "unassigned".equals(who);
        String user = "me".equals(who) ? caller.user() : unassigned ? null : who;
        if (user != null && !user.matches("[A-Za-z0-9._@-]{1,100}")) {
            throw new ValidationException("assignee", "me, unassigned or a user name");
        }
        if (!supervisor && user != null && !user.equals(caller.user())) {
            throw new AccessDeniedException("advocates see their own tasks and the unassigned ones");
        }
        List<FollowUpTask> found = tasks.list(caller.agencyId(), user, unassigned, states(state), 500);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode items = out.putArray("items");
        found.forEach(t -> items.add(TaskJson.task(t)));
        out.put("total", found.size());
        return Response.ok(out).build();
    }

    @POST
    @Path("/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response outcome(@PathParam("id") String id, JsonNode body, @Context SecurityContext security) {
        Caller caller = RestCallers.agencyCaller(security, "record the outcome of a task", Role.ADVOCATE,
                Role.SUPERVISOR);
        FollowUpTask task = (Ids.looksLikeId(id) ? tasks.find(caller.agencyId(), id) : java.util.Optional.<FollowUpTask>empty())
                .orElseThrow(() -> new NotFoundException("no such task"));
        JsonNode o = RestCallers.object(body, OUTCOME_FIELDS);
        String outcomeText = RestCallers.text(o, "outcome");
        String note = RestCallers.text(o, "note");
        FollowUpTask.Outcome outcome;
        try {
            outcome = FollowUpTask.Outcome.valueOf(outcomeText == null ? "" : outcomeText.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("outcome", "one of " + EnumSet.allOf(FollowUpTask.Outcome.class));
        }
        if (note != null && (note.length() > MAX_NOTE || note.chars().anyMatch(ch -> Character.isISOControl(ch)
                && ch != '\n' && ch != '\r' && ch != '\t'))) {
            throw new ValidationException("note", "at most " + MAX_NOTE + " characters, no control characters");
        }
        if (!caller.hasAnyRole(Role.SUPERVISOR) && task.assignee() != null && !task.assignee().equals(caller.user())) {
            throw new AccessDeniedException("the task is assigned to another advocate");
        }
        if (!tasks.close(caller.agencyId(), task.id(), outcome, note, caller.user(), clock.instant())) {
            throw new ClientErrorException("The task was closed before", Response.Status.CONFLICT);
        }
        return Response.ok(TaskJson.task(tasks.find(caller.agencyId(), task.id()).orElseThrow())).build();
    }

    private static Set<FollowUpTask.State> states(String state) {
        if (state == null || state.isBlank() || state.equalsIgnoreCase("OPEN")) {
            return EnumSet.of(FollowUpTask.State.OPEN);
        }
        if (state.equalsIgnoreCase("DONE")) {
            return EnumSet.of(FollowUpTask.State.DONE);
        }
        if (state.equalsIgnoreCase("ALL")) {
            return EnumSet.allOf(FollowUpTask.State.class);
        }
        throw new ValidationException("state", "OPEN, DONE or ALL");
    }
}
