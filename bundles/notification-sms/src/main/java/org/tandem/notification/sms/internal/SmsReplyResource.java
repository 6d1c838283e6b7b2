package org.tandem.notification.sms.internal;


import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.Channel;
import org.tandem.api.notification.ConfirmationResult;
import org.tandem.api.notification.NotificationService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /notifications/sms/replies}: an SMS a person sent back, relayed by the gateway ({@code {"from":
 * "+12175550101", "text": "482913"}} as JSON, or a form with {@code from}/{@code text} or Twilio-style
 * {@code From}/{@code Body}). A six-digit code sent to that number confirms the notice. Role {@code integrator};
 * always 200 for a well-formed reply ({@code result} says what happened), so gateways do not retry.
 */
@Component(service = SmsReplyResource.class, property = "tandem.rest.resource=true")
@Path("/notifications/sms/replies")
public class SmsReplyResource {

    private static final int MAX_TEXT = 1600;

    private final NotificationService notifications;

    @Activate
    public SmsReplyResource(@Reference(name = "notifications") NotificationService notifications) {
        this.notifications = notifications;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode json(JsonNode body, @Context SecurityContext security) {
        SmsReceiptResource.requireIntegrator(security, "relay SMS replies");
        if (body == null || !body.isObject()) {
            throw new ValidationException("body", "a JSON object is required");
        }
        return reply(text(body.get("from")), text(body.get("text")));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode form(MultivaluedMap<String, String> form, @Context SecurityContext security) {
        SmsReceiptResource.requireIntegrator(security, "relay SMS replies");
        String from = form == null ? null : first(form, "from", "From");
        String text = form == null ? null : first(form, "text", "Body");
        return reply(from, text);
    }

    private JsonNode reply(String from, String text) {
        if (from == null || !from.strip().matches("\\+?[0-9 ()-]{7,20}")) {
            throw new ValidationException("from", "required: the sender's phone number");
        }
        if (text == null || text.length() > MAX_TEXT) {
            throw new ValidationException("text", "required, at most " + MAX_TEXT + " characters");
        }
        ConfirmationResult result = notifications.confirmByReply(Channel.SMS, from.strip(), text);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("result", result.name());
        return out;
    }

    private static String first(MultivaluedMap<String, String> form, String a, String b) {
        String v = form.getFirst(a);
        return v != null ? v : form.getFirst(b);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : null;
    }
}
