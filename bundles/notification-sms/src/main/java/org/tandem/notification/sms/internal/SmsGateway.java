package org.tandem.notification.sms.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tandem.api.notification.DeliveryResult;
import org.tandem.api.notification.OutgoingMessage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One HTTP request per message to the configured gateway. 2xx = accepted (the gateway's message id is read from
 * the response for receipts); 408, 425 and 429 = try later; any other 4xx = permanent (bad number, rejected
 * content, bad credentials are a configuration fault the gateway will repeat); 5xx, timeouts and I/O errors = retry.
 */
public final class SmsGateway {

    /**
     * {@code {{to}}}, or {@code ${to}} in code and metatype defaults: in a {@code .cfg} file Karaf's configuration
     * loader replaces {@code ${...}} with system properties (empty when there is none), so shipped files use
     * {@code {{...}}}.
     */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\$\\{(to|from|text|reference|callback)}|\\{\\{(to|from|text|reference|callback)}}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GatewaySettings settings;
    private final HttpClient client;

    public SmsGateway(GatewaySettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public DeliveryResult send(OutgoingMessage m) {
        if (m.address() == null || !m.address().matches("\\+[1-9][0-9]{7,14}")) {
            return DeliveryResult.permanentFailure("no E.164 phone number");
        }
        String body = body(Map.of("to", m.address(), "from", nullToEmpty(settings.from()), "text", m.shortOrText(),
                "reference", m.notificationId(), "callback", nullToEmpty(settings.callbackUrl())));
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                .header("Content-Type", settings.contentType() + (settings.contentType().contains("charset") ? ""
                        : "; charset=UTF-8"))
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (!nullToEmpty(settings.username()).isBlank()) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (settings.username() + ":" + nullToEmpty(settings.password())).getBytes(StandardCharsets.UTF_8)));
        } else if (!nullToEmpty(settings.bearerToken()).isBlank()) {
            request.header("Authorization", "Bearer " + settings.bearerToken());
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return DeliveryResult.transientFailure("gateway timeout");
        } catch (IOException e) {
            return DeliveryResult.transientFailure("gateway unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.transientFailure("interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return DeliveryResult.sent(messageId(response.body()), "HTTP " + status);
        }
        String detail = "HTTP " + status + summary(response.body());
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return DeliveryResult.transientFailure(detail);
        }
        return DeliveryResult.permanentFailure(detail);
    }

    String body(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(settings.bodyTemplate());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.getOrDefault(m.group(1) != null ? m.group(1) : m.group(2), "");
            String escaped = settings.form() ? URLEncoder.encode(v, StandardCharsets.UTF_8)
                    : new String(JsonStringEncoder.getInstance().quoteAsString(v));
            m.appendReplacement(out, Matcher.quoteReplacement(escaped));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String messageId(String body) {
        if (body == null || body.isBlank() || settings.messageIdPointer() == null || settings.messageIdPointer().isBlank()) {
            return null;
        }
        try {
            JsonNode id = JSON.readTree(body).at(settings.messageIdPointer());
            return id.isMissingNode() || id.isNull() ? null : id.asText();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    /** A short, single-line excerpt of an error body (gateways put the reason there; never the message text). */
    private static String summary(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return ": " + (oneLine.length() > 120 ? oneLine.substring(0, 120) + "..." : oneLine);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
