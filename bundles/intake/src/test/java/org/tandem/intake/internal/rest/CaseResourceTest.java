package org.tandem.intake.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.intake.internal.testing.TestCases.caller;
import static org.tandem.intake.internal.testing.TestCases.exampleJson;
import static org.tandem.intake.internal.testing.TestCases.json;
import static org.tandem.intake.internal.testing.TestCases.officer;

import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriBuilder;
import javax.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;
import org.tandem.api.FieldError;
import org.tandem.api.Ids;
import org.tandem.api.Role;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.CaseQuery;
import org.tandem.api.cases.CaseStatus;
import org.tandem.intake.internal.service.IntakeServiceImplTestAccess;
import org.tandem.intake.internal.testing.InMemoryCaseRepository;
import org.tandem.intake.internal.testing.RecordingEventAdmin;
import org.tandem.intake.internal.testing.TestCases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class CaseResourceTest {

    private static final String BASE = "http://localhost:8181/tandem/api/v1/cases";

    private final InMemoryCaseRepository repository = new InMemoryCaseRepository();
    private final RecordingEventAdmin events = new RecordingEventAdmin(e -> true);
    private final CaseResource resource = new CaseResource(IntakeServiceImplTestAccess.create(repository, events,
            Clock.fixed(TestCases.NOW, ZoneOffset.UTC)));

    @Test
    void postAnswers201WithLocationAndTheStoredCase() {
        Response response = resource.open(exampleJson(), security(officer()), uriInfo(BASE));

        assertThat(response.getStatus()).isEqualTo(201);
        ObjectNode body = (ObjectNode) response.getEntity();
        String id = body.get("id").asText();
        assertThat(Ids.looksLikeId(id)).isTrue();
        assertThat(response.getLocation()).isEqualTo(URI.create(BASE + "/" + id));
        assertThat(body.get("status").asText()).isEqualTo("OPEN");
        assertThat(body.get("createdBy").asText()).isEqualTo("officer1");
        assertThat(repository.contains(id)).isTrue();
    }

    @Test
    void postWithBadJsonStoresNothing() {
        ObjectNode input = (ObjectNode) exampleJson();
        input.put("extra", true);

        assertThatThrownBy(() -> resource.open(input, security(officer()), uriInfo(BASE)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("extra", "unknown field")));
        assertThat(repository.size()).isZero();
        assertThat(events.posted).isEmpty();
    }

    @Test
    void postWithoutBodyIsABadRequest() {
        assertThatThrownBy(() -> resource.open(null, security(officer()), uriInfo(BASE)))
                .isInstanceOf(BadRequestException.class);
    }

    @Test
    void requestsWithoutACallerAreRejected() {
        assertThatThrownBy(() -> resource.open(exampleJson(), security(null), uriInfo(BASE)))
                .isInstanceOf(NotAuthorizedException.class);
        Principal plain = () -> "someone";
        assertThatThrownBy(() -> resource.get(Ids.newId(), security(plain)))
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void getAnswersTheCaseOr404() {
        String id = ((JsonNode) resource.open(exampleJson(), security(officer()), uriInfo(BASE)).getEntity())
                .get("id").asText();

        Response found = resource.get(id, security(caller("sup", "IL0160000", Role.SUPERVISOR)));
        assertThat(found.getStatus()).isEqualTo(200);
        assertThat(((JsonNode) found.getEntity()).get("id").asText()).isEqualTo(id);

        assertThatThrownBy(() -> resource.get(id, security(caller("o", "IL0990000", Role.OFFICER))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.get("nope", security(officer()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void listAnswersAPageWithDefaults() {
        resource.open(exampleJson(), security(officer()), uriInfo(BASE));

        Response response = resource.list(null, null, null, null, security(officer()));

        JsonNode body = (JsonNode) response.getEntity();
        assertThat(body.get("items")).hasSize(1);
        assertThat(body.get("page").asInt()).isZero();
        assertThat(body.get("size").asInt()).isEqualTo(20);
        assertThat(body.get("total").asLong()).isEqualTo(1);
        assertThat(repository.queries).containsExactly(new CaseQuery("IL0160000", null, null, 0, 20));
    }

    @Test
    void listPassesFilters() {
        resource.list("CLOSED", "2026-000123", "2", "5", security(officer()));

        assertThat(repository.queries)
                .containsExactly(new CaseQuery("IL0160000", CaseStatus.CLOSED, "2026-000123", 2, 5));
    }

    @Test
    void badQueryParametersAreValidationErrors() {
        assertThatThrownBy(() -> resource.list("open", null, "first", "1e3", security(officer())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("status", "page", "size"));
        assertThatThrownBy(() -> resource.list(null, null, "99999999999", null, security(officer())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("page"));
        assertThatThrownBy(() -> resource.list(null, null, "-1", "500", security(officer())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("page", "size"));
        assertThat(repository.queries).isEmpty();
    }

    @Test
    void openApiFragmentDescribesTheResource() throws Exception {
        JsonNode doc;
        try (InputStream in = CaseResource.class.getResourceAsStream("/openapi/intake.json")) {
            assertThat(in).isNotNull();
            doc = TestCases.MAPPER.readTree(in);
        }
        assertThat(doc.get("paths").get("/cases").has("post")).isTrue();
        assertThat(doc.get("paths").get("/cases").has("get")).isTrue();
        assertThat(doc.get("paths").get("/cases/{id}").has("get")).isTrue();
        assertThat(doc.get("components").get("schemas").fieldNames()).toIterable()
                .contains("NewCase", "Case", "Person", "Contact", "Incident", "CasePage");
        assertThat(doc.get("paths").get("/cases").get("post").get("responses").fieldNames()).toIterable()
                .containsExactly("201", "400", "401", "403", "413", "415", "422");
        // every $ref resolves inside the fragment, except the host's Problem
        List<String> refs = doc.findValuesAsText("$ref");
        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            String name = ref.substring("#/components/schemas/".length());
            assertThat(name.equals("Problem") || doc.get("components").get("schemas").has(name)).as(ref).isTrue();
        });
        // the input schema's fields are the codec's fields
        assertThat(doc.get("components").get("schemas").get("NewCase").get("properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("incident", "persons", "needs", "narrative");
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

    private static UriInfo uriInfo(String absolutePath) {
        return (UriInfo) Proxy.newProxyInstance(CaseResourceTest.class.getClassLoader(), new Class<?>[] { UriInfo.class },
                (proxy, method, args) -> switch (method.getName()) {
                case "getAbsolutePathBuilder" -> UriBuilder.fromUri(absolutePath);
                case "getAbsolutePath" -> URI.create(absolutePath);
                default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
