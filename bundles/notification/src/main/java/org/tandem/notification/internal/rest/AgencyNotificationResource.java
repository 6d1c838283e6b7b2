package org.tandem.notification.internal.rest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.Path;
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
import org.tandem.api.FieldError;
import org.tandem.api.Page;
import org.tandem.api.Role;
import org.tandem.api.ValidationException;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationRepository;
import org.tandem.api.notification.NotificationState;

/**
 * {@code GET /notifications?state=FAILED,DEAD,WITHHELD&size=50}: the agency's notifications that need a person
 * (failed, dead on every channel, withheld by a safety rule), newest first, for the supervisor's dashboard and the
 * advocate's worklist. Only the caller's agency; supervisors and advocates.
 */
@Component(service = AgencyNotificationResource.class, property = "tandem.rest.resource=true")
@Path("/notifications")
public class AgencyNotificationResource {

    private static final Set<NotificationState> DEFAULT = EnumSet.of(NotificationState.FAILED, NotificationState.DEAD,
            NotificationState.WITHHELD);

    private final NotificationRepository repository;

    @Activate
    public AgencyNotificationResource(@Reference(name = "repository") NotificationRepository repository) {
        this.repository = repository;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("state") String state, @QueryParam("size") String size,
            @Context SecurityContext security) {
        Caller caller = security != null && security.getUserPrincipal() instanceof Caller c ? c : null;
        if (caller == null) {
            throw new NotAuthorizedException("authentication required", "Basic realm=\"Tandem\"");
        }
        if (caller.agencyId() == null || !(caller.roles().contains(Role.SUPERVISOR)
                || caller.roles().contains(Role.ADVOCATE))) {
            throw new AccessDeniedException("An agency's supervisors and advocates see its notifications that need attention");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<NotificationState> states = states(state, errors);
        int limit = 50;
        if (size != null && !size.isBlank()) {
            try {
                limit = Integer.parseInt(size.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > Page.MAX_SIZE) {
                errors.add(new FieldError("size", "must be an integer between 1 and " + Page.MAX_SIZE));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<Notification> items = repository.inStates(caller.agencyId(), states, limit);
        return Response.ok(NotificationJson.page(new Page<>(items, 0, limit, items.size()))).build();
    }

    private static Set<NotificationState> states(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        Set<NotificationState> out = EnumSet.noneOf(NotificationState.class);
        for (String part : text.split(",")) {
            try {
                out.add(NotificationState.valueOf(part.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("state", "unknown state '" + part.strip() + "'; one or more of "
                        + EnumSet.allOf(NotificationState.class)));
                return DEFAULT;
            }
        }
        return out;
    }
}
