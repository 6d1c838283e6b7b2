package org.tandem.notification.sms.internal;

import java.security.Principal;
import java.util.Optional;

import javax.ws.rs.Consumes;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.Role;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.Channel;
import org.tandem.api.notification.NotificationService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /notifications/sms/receipts}: the gateway's delivery-receipt callback, as JSON or as a form (field
 * names configurable). Authenticated like every API call (HTTP Basic, role {@code integrator}: configure the
 * gateway's callback URL with the integration account's credentials). Always answers 200 for a well-formed
 * receipt ({@code matched} says whether a sent SMS had that id), so gateways do not retry forever.
 */
@Component(service = SmsReceiptResource.class, configurationPid = SmsConfig.PID, property = {
        "tandem.rest.resource=true", "tandem.openapi=/openapi/sms.json" })
@Path("/notifications/sms/receipts")
public class SmsReceiptResource {

    private final NotificationService notifications;
    private volatile ReceiptSettings settings;

    @Activate
    public SmsReceiptResource(@Reference(name = "notifications") NotificationService notifications, SmsConfig config) {
        this(notifications, ReceiptSettings.from(config));
    }

    SmsReceiptResource(NotificationService notifications, ReceiptSettings settings) {
        this.notifications = notifications;
        this.settings = settings;
    }

    @Modified
    void modified(SmsConfig config) {
        settings = ReceiptSettings.from(config);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode json(JsonNode body, @Context SecurityContext security) {
        requireIntegrator(security, "report deliveries");
        if (body == null || !body.isObject()) {
            throw new ValidationException("body", "a JSON object is required");
        }
        ReceiptSettings s = settings;
        return receipt(text(body.get(s.idField())), text(body.get(s.statusField())), s);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode form(MultivaluedMap<String, String> form, @Context SecurityContext security) {
        requireIntegrator(security, "report deliveries");
        ReceiptSettings s = settings;
        return receipt(form == null ? null : form.getFirst(s.idField()), form == null ? null : form.getFirst(s.statusField()), s);
    }

    private JsonNode receipt(String messageId, String status, ReceiptSettings s) {
        if (messageId == null || messageId.isBlank() || messageId.length() > 200 || !printable(messageId)) {
            throw new ValidationException(s.idField(), "required, at most 200 printable characters");
        }
        if (status == null || status.isBlank() || status.length() > 64 || !printable(status)) {
            throw new ValidationException(s.statusField(), "required, at most 64 printable characters");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Optional<Boolean> delivered = s.outcome(status);
        if (delivered.isEmpty()) {
            out.put("matched", false);
            out.put("ignored", "intermediate status " + status);
            return out;
        }
        out.put("matched", notifications.deliveryReport(Channel.SMS, messageId.strip(), delivered.get(),
                "receipt status " + status.strip()));
        return out;
    }

    /**
     * No control characters and no U+FFFD (what invalid UTF-8 in a form or JSON body decodes to): such a value is not
     * a gateway's id or status, and used to be answered 200 as an "intermediate status".
     */
    static boolean printable(String value) {
        return value.codePoints().noneMatch(c -> Character.isISOControl(c) || c == 0xFFFD);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : null;
    }

    /** The gateway's calls (receipts, replies) come with the integration account. */
    static void requireIntegrator(SecurityContext security, String action) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (!(principal instanceof Caller caller)) {
            throw new NotAuthorizedException("authentication required", "Basic realm=\"Tandem\"");
        }
        if (!caller.hasAnyRole(Role.INTEGRATOR)) {
            throw new AccessDeniedException("role integrator required to " + action);
        }
    }
}
