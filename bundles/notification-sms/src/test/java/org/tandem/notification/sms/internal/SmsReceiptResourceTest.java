package org.tandem.notification.sms.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.Principal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.Test;
import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.Page;
import org.tandem.api.Role;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.Channel;
import org.tandem.api.notification.ManualMessage;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationService;
import org.tandem.api.notification.NotificationState;

import com.fasterxml.jackson.databind.ObjectMapper;

class SmsReceiptResourceTest {

    private record Report(Channel channel, String id, boolean delivered) {
    }

    private final List<Report> reports = new ArrayList<>();
    private final NotificationService service = new NotificationService() {
        @Override
        public boolean deliveryReport(Channel channel, String providerMessageId, boolean delivered, String detail) {
            reports.add(new Report(channel, providerMessageId, delivered));
            return providerMessageId.startsWith("gw-");
        }

        @Override
        public List<Notification> sendManual(Caller caller, String caseId, ManualMessage message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Notification> forCase(Caller caller, String caseId, int page, int size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Notification> list(Set<NotificationState> states, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Notification retry(String notificationId, String requestedBy) {
            throw new UnsupportedOperationException();
        }
    };
    private final SmsReceiptResource resource = new SmsReceiptResource(service, ReceiptSettings.defaults());

    @Test
    void jsonAndFormReceiptsAreMappedToDeliveryReports() throws Exception {
        ObjectMapper json = new ObjectMapper();

        assertThat(resource.json(json.readTree("{\"messageId\":\"gw-1\",\"status\":\"delivered\"}"),
                as(Role.INTEGRATOR)).path("matched").asBoolean()).isTrue();
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.add("messageId", "gw-2");
        form.add("status", "UNDELIV");
        resource.form(form, as(Role.INTEGRATOR));
        assertThat(resource.json(json.readTree("{\"messageId\":\"other\",\"status\":\"DELIVRD\"}"),
                as(Role.INTEGRATOR)).path("matched").asBoolean()).isFalse();
        assertThat(resource.json(json.readTree("{\"messageId\":\"gw-3\",\"status\":\"queued\"}"),
                as(Role.INTEGRATOR)).path("ignored").asText()).contains("queued");

        assertThat(reports).containsExactly(new Report(Channel.SMS, "gw-1", true), new Report(Channel.SMS, "gw-2", false),
                new Report(Channel.SMS, "other", true));
    }

    @Test
    void onlyIntegratorsMayReportAndBothFieldsAreRequired() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThatThrownBy(() -> resource.json(json.readTree("{\"messageId\":\"gw-1\",\"status\":\"delivered\"}"),
                as(Role.OFFICER))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> resource.json(json.readTree("{\"status\":\"delivered\"}"), as(Role.INTEGRATOR)))
                .isInstanceOf(ValidationException.class);
        assertThat(reports).isEmpty();
    }

    /** Invalid UTF-8 in a form decodes to U+FFFD: that was answered 200 "intermediate status". */
    @Test
    void garbledOrControlCharacterValuesAreRefused() {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.add("messageId", "gw-1");
        form.add("status", "\uFFFD");
        assertThatThrownBy(() -> resource.form(form, as(Role.INTEGRATOR))).isInstanceOf(ValidationException.class);
        MultivaluedHashMap<String, String> nul = new MultivaluedHashMap<>();
        nul.add("messageId", "gw-1\u0000");
        nul.add("status", "delivered");
        assertThatThrownBy(() -> resource.form(nul, as(Role.INTEGRATOR))).isInstanceOf(ValidationException.class);
        assertThat(reports).isEmpty();
    }

    private static SecurityContext as(Role role) {
        Caller caller = new Caller("gateway", "PD-DEMO", EnumSet.of(role));
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public boolean isUserInRole(String r) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return BASIC_AUTH;
            }
        };
    }
}
