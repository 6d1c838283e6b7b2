package org.tandem.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;

/** The 401 challenge: sent to every client except scripts that say so (the web console). */
class AuthenticationFilterTest {

    private final AuthenticationFilter filter = new AuthenticationFilter((user, password) -> Optional.empty());

    @Test
    void plainClientsGetTheBasicChallenge() {
        Response denied = deny(Map.of());
        assertThat(denied.getStatus()).isEqualTo(401);
        assertThat(denied.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic realm=\"Tandem\"");
    }

    @Test
    void theConsoleGetsTheProblemWithoutAChallenge() {
        Response denied = deny(Map.of("X-Requested-With", "XMLHttpRequest"));
        assertThat(denied.getStatus()).isEqualTo(401);
        assertThat(denied.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).isNull();
        assertThat(denied.getMediaType().toString()).isEqualTo("application/problem+json");
    }

    private Response deny(Map<String, String> headers) {
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UriInfo.class},
                (p, m, a) -> "getPath".equals(m.getName()) ? "me" : null);
        AtomicReference<Response> aborted = new AtomicReference<>();
        ContainerRequestContext request = (ContainerRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (p, m, a) -> switch (m.getName()) {
                    case "getUriInfo" -> uri;
                    case "getHeaderString" -> headers.get((String) a[0]);
                    case "abortWith" -> {
                        aborted.set((Response) a[0]);
                        yield null;
                    }
                    default -> null;
                });
        filter.filter(request);
        assertThat(aborted.get()).as("request refused").isNotNull();
        return aborted.get();
    }
}
