package org.tandem.intake.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.intake.internal.testing.TestCases.caller;
import static org.tandem.intake.internal.testing.TestCases.json;

import java.nio.file.Path;
import java.security.Principal;
import java.time.Clock;
import java.time.ZoneOffset;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.ClientErrorException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.Role;
import org.tandem.api.TandemTopics;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.CaseStatus;
import org.tandem.api.cases.IntakeService;
import org.tandem.api.cases.VictimCase;
import org.tandem.intake.internal.service.IntakeServiceImplTestAccess;
import org.tandem.intake.internal.testing.RecordingEventAdmin;
import org.tandem.intake.internal.testing.TestCases;
import org.tandem.store.internal.cases.JdbcCaseRepository;
import org.tandem.store.internal.migration.SchemaMigrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /cases/{id}/close} and {@code /reopen} through the resource, the intake service and the real store on
 * embedded Derby: role rules, tenancy (404), status conflicts (409), bad bodies (4xx) that change nothing.
 */
class CaseClosureResourceTest {

    private static final String AGENCY = "IL0160000";

    @TempDir
    Path tempDir;

    private EmbeddedDataSource dataSource;
    private JdbcCaseRepository repository;
    private final RecordingEventAdmin events = new RecordingEventAdmin(e -> true);
    private IntakeService intake;
    private CaseResource resource;

    private final Caller officer = caller("officer1", AGENCY, Role.OFFICER);
    private final Caller advocate = caller("advocate1", AGENCY, Role.ADVOCATE);
    private final Caller supervisor = caller("supervisor1", AGENCY, Role.SUPERVISOR);
    private final Caller otherSupervisor = caller("supervisor9", "TX0000000", Role.SUPERVISOR);
    private final Caller integrator = caller("rms", AGENCY, Role.INTEGRATOR);

    @BeforeEach
    void setUp() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(tempDir.resolve("db").toString());
        dataSource.setCreateDatabase("create");
        new SchemaMigrator(dataSource).migrate();
        repository = new JdbcCaseRepository(dataSource);
        intake = IntakeServiceImplTestAccess.create(repository, events, Clock.fixed(TestCases.NOW, ZoneOffset.UTC));
        resource = new CaseResource(intake);
    }

    @AfterEach
    void tearDown() {
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(tempDir.resolve("db").toString());
        shutdown.setShutdownDatabase("shutdown");
        try {
            shutdown.getConnection().close();
        } catch (java.sql.SQLException expected) {
            // Derby reports a shutdown as an exception
        }
    }

    @Test
    void officerClosesTheCaseAndASecondCloseIsAConflict() {
        String id = open();

        Response closed = resource.close(id, json("{\"reason\": \"Services completed\"}"), security(officer));

        assertThat(closed.getStatus()).isEqualTo(200);
        ObjectNode body = (ObjectNode) closed.getEntity();
        assertThat(body.get("status").asText()).isEqualTo("CLOSED");
        assertThat(body.get("closedAt").asText()).isEqualTo(TestCases.NOW.toString());
        assertThat(((ObjectNode) resource.get(id, security(advocate)).getEntity()).get("closedAt").asText())
                .isEqualTo(TestCases.NOW.toString());
        JsonNode list = (JsonNode) resource.list("CLOSED", null, null, null, security(supervisor)).getEntity();
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("id").asText()).isEqualTo(id);
        assertThat(events.posted).extracting(e -> e.getTopic())
                .containsExactly(TandemTopics.CASE_OPENED, TandemTopics.CASE_CLOSED);
        assertThat(events.posted.get(1).getProperty(TandemTopics.PROP_USER)).isEqualTo("officer1");
        assertThat(events.posted.get(1).getPropertyNames()).doesNotContain("reason");

        assertThatThrownBy(() -> resource.close(id, json("{\"reason\": \"again\"}"), security(advocate)))
                .isInstanceOfSatisfying(ClientErrorException.class,
                        e -> assertThat(e.getResponse().getStatus()).isEqualTo(409));
        assertThat(events.posted).hasSize(2);
    }

    @Test
    void anotherAgencyGets404AndRolesOutsideTheRulesGet403() {
        String id = open();

        assertThatThrownBy(() -> resource.close(id, json("{\"reason\": \"x\"}"), security(otherSupervisor)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.close("aaaaaaaaaaaaaaaaaaaaaaaa", json("{\"reason\": \"x\"}"),
                security(supervisor))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.close("../etc", json("{\"reason\": \"x\"}"), security(supervisor)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.close(id, json("{\"reason\": \"x\"}"), security(integrator)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(status(id)).isEqualTo(CaseStatus.OPEN);

        resource.close(id, json("{\"reason\": \"done\"}"), security(supervisor));
        assertThatThrownBy(() -> resource.reopen(id, security(officer))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> resource.reopen(id, security(advocate))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> resource.reopen(id, security(otherSupervisor))).isInstanceOf(NotFoundException.class);
        assertThat(status(id)).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void supervisorReopensAndReopeningAnOpenCaseIsAConflict() {
        String id = open();
        resource.close(id, json("{\"reason\": \"done\"}"), security(advocate));

        Response reopened = resource.reopen(id, security(supervisor));

        assertThat(reopened.getStatus()).isEqualTo(200);
        ObjectNode body = (ObjectNode) reopened.getEntity();
        assertThat(body.get("status").asText()).isEqualTo("OPEN");
        assertThat(body.has("closedAt")).isFalse();
        assertThat(events.posted.get(events.posted.size() - 1).getTopic()).isEqualTo(TandemTopics.CASE_UPDATED);
        assertThatThrownBy(() -> resource.reopen(id, security(supervisor)))
                .isInstanceOfSatisfying(ClientErrorException.class,
                        e -> assertThat(e.getResponse().getStatus()).isEqualTo(409));
        // and it can be closed again
        assertThat(resource.close(id, json("{\"reason\": \"done again\"}"), security(officer)).getStatus())
                .isEqualTo(200);
    }

    @Test
    void badBodiesAreRefusedAndChangeNothing() {
        String id = open();

        assertThatThrownBy(() -> resource.close(id, null, security(officer))).isInstanceOf(BadRequestException.class);
        for (String bad : new String[] {"{}", "{\"reason\": \"  \"}", "{\"reason\": 42}", "{\"reason\": null}",
            "{\"reason\": \"x\", \"closedAt\": \"2020-01-01T00:00:00Z\"}", "[\"x\"]",
            "{\"reason\": \"" + "x".repeat(1001) + "\"}", "{\"reason\": \"a\\u0000b\"}"}) {
            assertThatThrownBy(() -> resource.close(id, json(bad), security(officer))).as(bad)
                    .isInstanceOf(ValidationException.class);
        }
        assertThat(status(id)).isEqualTo(CaseStatus.OPEN);
        assertThat(events.posted).hasSize(1);
    }

    private String open() {
        VictimCase c = intake.open(officer, TestCases.example());
        return c.id();
    }

    private CaseStatus status(String id) {
        return repository.find(AGENCY, id).orElseThrow().status();
    }

    private static SecurityContext security(Principal principal) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
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
