package org.tandem.security.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.security.internal.testing.Fixtures.OFFICER;
import static org.tandem.security.internal.testing.Fixtures.OTHER_AGENCY;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;

import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriBuilder;
import javax.ws.rs.core.UriInfo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.api.Caller;
import org.tandem.api.FieldError;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.VictimCase;
import org.tandem.security.internal.consent.ConsentServiceImpl;
import org.tandem.security.internal.testing.DerbyStore;
import org.tandem.security.internal.testing.Fixtures;
import org.tandem.security.internal.testing.MutableClock;
import org.tandem.security.internal.testing.RecordingEventAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The consent REST contract: JSON in and out, Location, paging, 404 for other agencies, status at read time. */
class ConsentResourcesTest {

    private static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private DerbyStore store;
    private final MutableClock clock = new MutableClock(T0);
    private CaseConsentResource caseConsents;
    private ConsentResource consents;
    private VictimCase victimCase;

    @BeforeEach
    void setUp() {
        store = new DerbyStore(dir);
        store.providers.insert(Fixtures.provider("prv-safe-harbor", T0));
        victimCase = Fixtures.victimCase("PD-DEMO", T0);
        store.cases.insert(victimCase);
        ConsentServiceImpl service = new ConsentServiceImpl(store.consents, store.cases, store.providers,
                new RecordingEventAdmin(), clock, 365);
        caseConsents = new CaseConsentResource(service, clock);
        consents = new ConsentResource(service, clock);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private JsonNode body(String json) throws Exception {
        return JSON.readTree(json);
    }

    private String sharing(String expires) {
        return "{\"personId\":\"" + victimCase.persons().get(0).id() + "\",\"scope\":\"SHARE_WITH_PROVIDER\","
                + "\"recipient\":{\"kind\":\"PROVIDER\",\"id\":\"prv-safe-harbor\"},\"purpose\":\"Counseling referral\","
                + "\"form\":\"WRITTEN\",\"expiresAt\":\"" + expires + "\",\"items\":[\"NAME\",\"BIRTH_DATE\"]}";
    }

    @Test
    void recordListRevokeRoundTrip() throws Exception {
        Response created = caseConsents.record(victimCase.id(), body(sharing("2026-12-20T15:00:00Z")), security(OFFICER),
                uriInfo("http://localhost:8181/tandem/api/v1/"));

        assertThat(created.getStatus()).isEqualTo(201);
        ObjectNode consent = (ObjectNode) created.getEntity();
        String id = consent.get("id").asText();
        assertThat(created.getLocation()).isEqualTo(URI.create("http://localhost:8181/tandem/api/v1/consents/" + id));
        assertThat(consent.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(consent.get("items").toString()).isEqualTo("[\"NAME\",\"BIRTH_DATE\"]");
        assertThat(consent.get("recipient").toString()).isEqualTo("{\"kind\":\"PROVIDER\",\"id\":\"prv-safe-harbor\"}");
        assertThat(consent.get("grantedAt").asText()).isEqualTo("2026-11-20T15:00:00Z");

        clock.advance(Duration.ofMinutes(10));
        ObjectNode revoked = (ObjectNode) consents.revoke(id, stream("{\"reason\":\"Withdrawn\"}"), security(OFFICER))
                .getEntity();
        assertThat(revoked.get("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.get("revokedBy").asText()).isEqualTo("officer");
        assertThat(revoked.get("revocationReason").asText()).isEqualTo("Withdrawn");
        assertThat(((ObjectNode) consents.revoke(id, stream(""), security(OFFICER)).getEntity()).get("revokedAt"))
                .isEqualTo(revoked.get("revokedAt"));

        ObjectNode page = (ObjectNode) caseConsents.list(victimCase.id(), null, null, security(OFFICER)).getEntity();
        assertThat(page.get("total").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(20);
        assertThat(page.get("items").get(0).get("status").asText()).isEqualTo("REVOKED");
    }

    @Test
    void otherAgenciesGet404AndBadInputListsEveryField() throws Exception {
        assertThatThrownBy(() -> caseConsents.record(victimCase.id(), body(sharing("2026-12-20T15:00:00Z")),
                security(OTHER_AGENCY), uriInfo("http://h/"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> caseConsents.list(victimCase.id(), null, null, security(OTHER_AGENCY)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> consents.get("aaaaaaaaaaaaaaaaaaaaaaaa", security(OFFICER)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> consents.revoke("nope", null, security(OFFICER)))
                .isInstanceOf(NotFoundException.class);

        String bad = "{\"personId\":7,\"scope\":\"SHARE\",\"recipient\":{\"kind\":\"PROVIDER\"},\"form\":\"WRITTEN\","
                + "\"expiresAt\":\"next week\",\"items\":[\"NAME\",\"SSN\"],\"colour\":\"blue\"}";
        assertThatThrownBy(() -> caseConsents.record(victimCase.id(), body(bad), security(OFFICER), uriInfo("http://h/")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("personId", "scope", "recipient.id",
                                "expiresAt", "items[1]", "colour"));
        assertThatThrownBy(() -> caseConsents.list(victimCase.id(), "-1", "500", security(OFFICER)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("page", "size"));
        assertThat(store.consents.forCase(victimCase.id())).isEmpty();
    }

    @Test
    void theRevocationBodyIsOptionalButStrict() {
        assertThat(ConsentResource.reason(null)).isNull();
        assertThat(ConsentResource.reason(stream(" \n"))).isNull();
        assertThat(ConsentResource.reason(stream("{\"reason\":\"Moved away\"}"))).isEqualTo("Moved away");
        assertThatThrownBy(() -> ConsentResource.reason(stream("{\"reason\":\"a\",\"reason\":\"b\"}")))
                .isInstanceOf(javax.ws.rs.BadRequestException.class);
        assertThatThrownBy(() -> ConsentResource.reason(stream("{\"why\":\"x\"}"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ConsentResource.reason(stream("x".repeat(9000))))
                .isInstanceOfSatisfying(javax.ws.rs.WebApplicationException.class,
                        e -> assertThat(e.getResponse().getStatus()).isEqualTo(413));
    }

    private static java.io.InputStream stream(String s) {
        return new java.io.ByteArrayInputStream(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static SecurityContext security(Caller caller) {
        return (SecurityContext) Proxy.newProxyInstance(ConsentResourcesTest.class.getClassLoader(),
                new Class<?>[] {SecurityContext.class}, (p, m, a) -> {
                    if (m.getName().equals("getUserPrincipal")) {
                        return (Principal) caller;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    static UriInfo uriInfo(String base) {
        return (UriInfo) Proxy.newProxyInstance(ConsentResourcesTest.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (p, m, a) -> {
                    if (m.getName().equals("getBaseUriBuilder")) {
                        return UriBuilder.fromUri(base);
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }
}
