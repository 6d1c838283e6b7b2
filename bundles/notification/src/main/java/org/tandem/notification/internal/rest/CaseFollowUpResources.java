package org.tandem.notification.internal.rest;

import java.time.Clock;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tandem.api.Caller;
import org.tandem.api.Ids;
import org.tandem.api.Role;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.CaseRepository;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.notification.ConfirmationRepository;
import org.tandem.api.notification.TaskRepository;
import org.tandem.notification.internal.ConfirmationSecrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The per-case settings confirmed notifications need: the case's advocate and a person's confirmation PIN. */
final class CaseFollowUpResources {

    private CaseFollowUpResources() {
    }

    static VictimCase ownCase(CaseRepository cases, Caller caller, String caseId) {
        if (!Ids.looksLikeId(caseId)) {
            throw new NotFoundException("no such case");
        }
        return cases.find(caller.agencyId(), caseId).filter(c -> caller.agencyId().equals(c.agencyId()))
                .orElseThrow(() -> new NotFoundException("no such case"));
    }

    /**
     * {@code GET|PUT /cases/{id}/advocate} {@code {"user":"advocate"}}: escalations of the case's notices go to this
     * advocate (else to {@code defaultAdvocate.<agencyId>} of {@code org.tandem.notification}).
     */
    @Component(service = CaseAdvocateResource.class, property = "tandem.rest.resource=true")
    @Path("/cases/{id}/advocate")
    public static class CaseAdvocateResource {

        private final CaseRepository cases;
        private final TaskRepository tasks;

        @Activate
        public CaseAdvocateResource(@Reference(name = "cases") CaseRepository cases,
                @Reference(name = "tasks") TaskRepository tasks) {
            this.cases = cases;
            this.tasks = tasks;
        }

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public Response get(@PathParam("id") String caseId, @Context SecurityContext security) {
            Caller caller = RestCallers.agencyCaller(security, "see a case's advocate", Role.OFFICER, Role.ADVOCATE,
                    Role.SUPERVISOR);
            VictimCase c = ownCase(cases, caller, caseId);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put("caseId", c.id());
            tasks.advocate(c.agencyId(), c.id()).ifPresentOrElse(u -> out.put("user", u), () -> out.putNull("user"));
            return Response.ok(out).build();
        }

        @PUT
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        public Response put(@PathParam("id") String caseId, JsonNode body, @Context SecurityContext security) {
            Caller caller = RestCallers.agencyCaller(security, "assign a case's advocate", Role.ADVOCATE,
                    Role.SUPERVISOR);
            VictimCase c = ownCase(cases, caller, caseId);
            String user = RestCallers.text(RestCallers.object(body, Set.of("user")), "user");
            if (user == null || !user.matches("[A-Za-z0-9._@-]{1,100}")) {
                throw new ValidationException("user", "required: a user name (letters, digits, . _ @ -)");
            }
            tasks.assignAdvocate(c.agencyId(), c.id(), user, caller.user(), Clock.systemUTC().instant());
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put("caseId", c.id());
            out.put("user", user);
            return Response.ok(out).build();
        }
    }

    /**
     * {@code PUT /cases/{id}/persons/{personId}/confirmation-pin} {@code {"pin":"4711"}} (4 to 8 digits): the PIN the
     * person chose at registration to confirm notices on a VOICE/IVR gateway. Stored as PBKDF2; never shown again.
     */
    @Component(service = ConfirmationPinResource.class, property = "tandem.rest.resource=true")
    @Path("/cases/{id}/persons/{personId}/confirmation-pin")
    public static class ConfirmationPinResource {

        private final CaseRepository cases;
        private final ConfirmationRepository confirmations;

        @Activate
        public ConfirmationPinResource(@Reference(name = "cases") CaseRepository cases,
                @Reference(name = "confirmations") ConfirmationRepository confirmations) {
            this.cases = cases;
            this.confirmations = confirmations;
        }

        @PUT
        @Consumes(MediaType.APPLICATION_JSON)
        public Response put(@PathParam("id") String caseId, @PathParam("personId") String personId, JsonNode body,
                @Context SecurityContext security) {
            Caller caller = RestCallers.agencyCaller(security, "set a confirmation PIN", Role.OFFICER, Role.ADVOCATE);
            VictimCase c = ownCase(cases, caller, caseId);
            if (c.persons().stream().noneMatch(p -> p.id().equals(personId))) {
                throw new NotFoundException("no such person on this case");
            }
            String pin = RestCallers.text(RestCallers.object(body, Set.of("pin")), "pin");
            if (pin == null || !pin.matches("[0-9]{4,8}")) {
                throw new ValidationException("pin", "required: 4 to 8 digits");
            }
            confirmations.setPin(personId, ConfirmationSecrets.hashPin(pin), caller.user(),
                    Clock.systemUTC().instant());
            return Response.noContent().build();
        }
    }
}
