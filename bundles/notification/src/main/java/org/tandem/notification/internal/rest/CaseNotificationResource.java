package org.tandem.notification.internal.rest;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.NotAuthorizedException;
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
import org.tandem.api.Caller;
import org.tandem.api.FieldError;
import org.tandem.api.Page;
import org.tandem.api.ValidationException;
import org.tandem.api.notification.ConfirmationRepository;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationService;
import org.tandem.api.notification.TaskRepository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /cases/{id}/notifications}: the delivery evidence of a case (every notification with every attempt) and
 * manual messages. Tenancy: another agency's case answers 404.
 */
@Component(service = CaseNotificationResource.class, property = {
        "tandem.rest.resource=true", "tandem.openapi=/openapi/notification.json" })
@Path("/cases/{id}/notifications")
public class CaseNotificationResource {

    private final NotificationService notifications;
    private final ConfirmationRepository confirmations;
    private final TaskRepository tasks;

    @Activate
    public CaseNotificationResource(@Reference(name = "notifications") NotificationService notifications,
            @Reference(name = "confirmations") ConfirmationRepository confirmations,
            @Reference(name = "tasks") TaskRepository tasks) {
        this.notifications = notifications;
        this.confirmations = confirmations;
        this.tasks = tasks;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@PathParam("id") String caseId, @QueryParam("page") String page,
            @QueryParam("size") String size, @Context SecurityContext security) {
        Caller caller = caller(security);
        List<FieldError> errors = new ArrayList<>();
        int p = parseInt("page", page, 0, errors);
        int s = parseInt("size", size, Page.DEFAULT_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        try {
            ObjectNode out = NotificationJson.page(notifications.forCase(caller, caseId, p, s));
            // forCase checked the case belongs to the caller's agency: its notices and follow-up tasks
            ArrayNode notices = out.putArray("notices");
            confirmations.forCase(caller.agencyId(), caseId).forEach(n -> notices.add(TaskJson.notice(n)));
            ArrayNode followUps = out.putArray("tasks");
            tasks.forCase(caller.agencyId(), caseId).forEach(t -> followUps.add(TaskJson.task(t)));
            return Response.ok(out).build();
        } catch (NoSuchElementException e) {
            throw new NotFoundException("no such case");
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response send(@PathParam("id") String caseId, JsonNode body, @Context SecurityContext security) {
        Caller caller = caller(security);
        try {
            List<Notification> created = notifications.sendManual(caller, caseId, NotificationJson.readMessage(body));
            return Response.status(Response.Status.ACCEPTED)
                    .entity(NotificationJson.page(new Page<>(created, 0, Math.max(1, created.size()), created.size())))
                    .build();
        } catch (NoSuchElementException e) {
            throw new NotFoundException("no such case");
        }
    }

    private static Caller caller(SecurityContext security) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal instanceof Caller caller) {
            return caller;
        }
        throw new NotAuthorizedException("authentication required", "Basic realm=\"Tandem\"");
    }

    private static int parseInt(String name, String value, int defaultValue, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        if (value.length() <= 9 && value.matches("-?\\d+")) {
            return Integer.parseInt(value);
        }
        errors.add(new FieldError(name, "must be an integer"));
        return defaultValue;
    }
}
