package org.tandem.notification.sms.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.tandem.notification.sms} ({@code etc/org.tandem.notification.sms.cfg}). */
@ObjectClassDefinition(name = "Tandem notification channel SMS", description = "HTTP SMS gateway and its delivery receipts")
public @interface SmsConfig {

    String PID = "org.tandem.notification.sms";

    @AttributeDefinition(description = "Gateway URL messages are POSTed to")
    String url() default "http://localhost:9099/sms";

    @AttributeDefinition(description = "Sender number or id (${from} in the body template)")
    String from() default "";

    @AttributeDefinition(description = "HTTP Basic user; empty = no Basic authentication")
    String username() default "";

    @AttributeDefinition(description = "HTTP Basic password", type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(description = "Bearer token (Authorization: Bearer ...); empty = none", type = AttributeType.PASSWORD)
    String bearerToken() default "";

    @AttributeDefinition(description = "Content type of the request: application/json or application/x-www-form-urlencoded")
    String contentType() default "application/json";

    @AttributeDefinition(description = "Request body with ${to}, ${from}, ${text}, ${reference} (notification id), ${callback}; values are escaped for the content type")
    String bodyTemplate() default "{\"to\":\"${to}\",\"from\":\"${from}\",\"text\":\"${text}\",\"reference\":\"${reference}\",\"callback\":\"${callback}\"}";

    @AttributeDefinition(description = "JSON pointer to the gateway's message id in its response, e.g. /id or /messages/0/message-id")
    String messageIdPointer() default "/id";

    @AttributeDefinition(description = "Request timeout in milliseconds (a timeout is retried)")
    int timeoutMillis() default 10000;

    @AttributeDefinition(description = "Delivery-receipt callback URL given to the gateway as ${callback}")
    String callbackUrl() default "";

    @AttributeDefinition(description = "Receipt field holding the gateway's message id (JSON or form field)")
    String receiptIdField() default "messageId";

    @AttributeDefinition(description = "Receipt field holding the delivery status")
    String receiptStatusField() default "status";

    @AttributeDefinition(description = "Receipt status values meaning delivered (comma separated, case-insensitive)")
    String deliveredValues() default "delivered,DELIVRD";

    @AttributeDefinition(description = "Receipt status values meaning not delivered (comma separated, case-insensitive)")
    String failedValues() default "failed,undelivered,rejected,expired,UNDELIV,REJECTD,EXPIRED";
}
