package org.tandem.referral.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;

import javax.ws.rs.ClientErrorException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.tandem.api.consent.ConsentScope;
import org.tandem.api.consent.Recipient;
import org.tandem.api.referral.ConsentRequiredException;
import org.tandem.api.referral.IllegalTransitionException;
import org.tandem.api.referral.ImportReport;
import org.tandem.api.referral.ReferralConflictException;
import org.tandem.api.referral.ReferralStatus;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The 404/409/422 answers of this bundle keep their problem members through the REST host. */
class RestSupportTest {

    @Test
    void missingConsentIsA409NamingTheConsent() {
        ConsentRequiredException missing = new ConsentRequiredException("case1", "person1",
                ConsentScope.SHARE_WITH_PROVIDER, Recipient.provider("prv-1"), "none was ever recorded", null);

        assertThatThrownBy(() -> RestSupport.call(() -> {
            throw missing;
        })).isInstanceOfSatisfying(WebApplicationException.class, e -> {
            Response r = e.getResponse();
            assertThat(r.getStatus()).isEqualTo(409);
            assertThat(r.getMediaType().toString()).isEqualTo("application/problem+json");
            ObjectNode body = (ObjectNode) r.getEntity();
            assertThat(body.get("type").asText()).isEqualTo("urn:tandem:problem:consent-required");
            assertThat(body.get("detail").asText()).contains("SHARE_WITH_PROVIDER", "person1", "prv-1", "case1");
            assertThat(body.get("missingConsent").toString()).isEqualTo("{\"caseId\":\"case1\",\"personId\":\"person1\","
                    + "\"scope\":\"SHARE_WITH_PROVIDER\",\"recipient\":{\"kind\":\"PROVIDER\",\"id\":\"prv-1\"},"
                    + "\"reason\":\"none was ever recorded\",\"record\":\"POST /cases/case1/consents\"}");
        });
    }

    @Test
    void otherConflictsAndMissingThings() {
        assertThatThrownBy(() -> RestSupport.call(() -> {
            throw new IllegalTransitionException(ReferralStatus.SENT, ReferralStatus.COMPLETED,
                    EnumSet.of(ReferralStatus.CLOSED, ReferralStatus.ACCEPTED, ReferralStatus.DECLINED));
        })).isInstanceOfSatisfying(WebApplicationException.class, e -> {
            ObjectNode body = (ObjectNode) e.getResponse().getEntity();
            assertThat(e.getResponse().getStatus()).isEqualTo(409);
            assertThat(body.get("allowed").toString()).isEqualTo("[\"ACCEPTED\",\"DECLINED\",\"CLOSED\"]");
            assertThat(body.get("from").asText()).isEqualTo("SENT");
        });
        assertThatThrownBy(() -> RestSupport.call(() -> {
            throw new ReferralConflictException("changed meanwhile");
        })).isInstanceOfSatisfying(ClientErrorException.class, e -> assertThat(e.getResponse().getStatus()).isEqualTo(409));
        assertThatThrownBy(() -> RestSupport.call(() -> {
            throw new NoSuchElementException("no such case");
        })).isInstanceOf(NotFoundException.class);
    }

    @Test
    void rejectedImportListsEveryBadRow() {
        ImportReport report = new ImportReport(false, 5, 0, 0, List.of(
                new ImportReport.RowError(2, 3, "prv-b", "name", "required"),
                new ImportReport.RowError(4, 5, null, "services", "unknown category 'X'"),
                new ImportReport.RowError(4, 5, null, "phone", "E.164")));
        Response r = RestSupport.importRejected(report);

        assertThat(r.getStatus()).isEqualTo(422);
        ObjectNode body = (ObjectNode) r.getEntity();
        assertThat(body.get("detail").asText()).isEqualTo("2 of 5 rows are invalid; nothing was imported");
        assertThat(body.get("errors")).hasSize(3);
        assertThat(body.get("errors").get(0).toString())
                .isEqualTo("{\"row\":2,\"line\":3,\"providerId\":\"prv-b\",\"field\":\"name\",\"message\":\"required\"}");
    }
}
