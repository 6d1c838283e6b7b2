package org.tandem.adapter.state.internal.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.tandem.adapter.state.internal.feed.StateReport.Kind;
import org.tandem.api.FieldError;
import org.tandem.api.Ids;
import org.tandem.api.ValidationException;

class StateReportReaderTest {

    static final Path EXAMPLES = Path.of("../../examples/state");

    private final StateReportReader reader = new StateReportReader(ZoneId.of("America/Chicago"));

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheSampleCustodyReleaseXml() throws Exception {
        StateReport r = reader.read(Kind.CUSTODY, Files.readAllBytes(EXAMPLES.resolve("custody-released.xml")));

        assertThat(r).isEqualTo(new StateReport(Kind.CUSTODY, "IL-DOC-CUST-2026-118842", "IL-4471983", null, "RELEASED",
                Instant.parse("2026-11-25T15:30:00Z")));
    }

    @Test
    void readsJsonReportsOfBothKinds() throws Exception {
        StateReport booked = reader.read(Kind.CUSTODY, Files.readAllBytes(EXAMPLES.resolve("custody-booked.json")));
        assertThat(booked.status()).isEqualTo("BOOKED");
        assertThat(booked.occurredAt()).isEqualTo(Instant.parse("2026-11-21T08:10:00Z"));

        String caseId = Ids.newId();
        StateReport hearing = reader.read(Kind.COURT, bytes("{\"reportId\":\"C-1\",\"caseId\":\"" + caseId
                + "\",\"status\":\"CONTINUED\",\"occurredAt\":\"2026-12-20T09:00:00\"}"));
        assertThat(hearing).isEqualTo(new StateReport(Kind.COURT, "C-1", null, caseId, "CONTINUED",
                Instant.parse("2026-12-20T15:00:00Z")));
    }

    @Test
    void everyBadValueIsListed() {
        assertThatThrownBy(() -> reader.read(Kind.CUSTODY, bytes(
                "{\"reportId\":\"\",\"caseId\":\"nope\",\"status\":\"PAROLED\",\"occurredAt\":\"soon\",\"x\":\"y\"}")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("x"));
        assertThatThrownBy(() -> reader.read(Kind.CUSTODY, bytes(
                "{\"reportId\":\"\",\"caseId\":\"nope\",\"status\":\"PAROLED\",\"occurredAt\":\"soon\"}")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .contains("reportId", "caseId", "offenderId", "status", "occurredAt"));
        assertThatThrownBy(() -> reader.read(Kind.COURT, bytes("{\"reportId\":\"C-2\",\"status\":\"SENTENCED\","
                + "\"occurredAt\":\"2026-12-01\"}"))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).message()).contains("an offender id or a case id"));
        assertThatThrownBy(() -> reader.read(Kind.COURT, Files.readAllBytes(EXAMPLES.resolve("custody-released.xml"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("CourtEventReport");
    }

    @Test
    void unsafeOrMalformedContentIsRejected() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<tsr:CustodyStatusChangeReport xmlns:tsr=\"urn:tandem:niem:state-report:1.0\">&x;</tsr:CustodyStatusChangeReport>";
        assertThatThrownBy(() -> reader.read(Kind.CUSTODY, bytes(xxe))).isInstanceOf(RejectedReportException.class)
                .hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> reader.read(Kind.CUSTODY, bytes("{\"reportId\":\"a\",\"reportId\":\"b\"}")))
                .isInstanceOf(RejectedReportException.class).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> reader.read(Kind.CUSTODY, bytes("RELEASED IL-4471983")))
                .isInstanceOf(RejectedReportException.class);
        assertThatThrownBy(() -> reader.read(Kind.CUSTODY, bytes("<tsr:CustodyStatusChangeReport xmlns:tsr=")))
                .isInstanceOf(RejectedReportException.class).hasMessageContaining("not well-formed");
    }
}
